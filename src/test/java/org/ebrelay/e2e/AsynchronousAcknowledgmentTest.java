package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.eventTypes;
import static org.ebrelay.e2e.Observed.outbound;

import java.nio.file.Path;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.DiagnosePartner;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.domain.message.CpaId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo CPA without SyncReply (syncReplyMode none on every channel): the receiver answers the POST with no
 * content and sends its Acknowledgment in a POST of its own to the sender's /ebms (the MSH channel's endpoint),
 * which completes the message there.
 */
class AsynchronousAcknowledgmentTest {
    @TempDir
    static Path root;
    static TwoNodes nodes;
    /** In front of the hospital for the laboratory's POSTs: it counts them, forwarding each unchanged. */
    static FaultProxy toHospital;

    @BeforeAll
    static void startNodes() {
        int hospitalPort = TestNode.freePort();
        toHospital = FaultProxy.to(hospitalPort);
        nodes = TwoNodes.in(root).hospitalPort(hospitalPort).labReachesHospitalAt(toHospital.port())
                .cpa(DemoCpa::asynchronousAcks).start();
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
        if (toHospital != null) {
            toHospital.close();
        }
    }

    @Test
    void anOrderCompletesWithTheAcknowledgmentTheLaboratoryPostsSeparately() {
        toHospital.reset();
        Hl7Messages.Er7 order = Hl7Messages.order();
        SubmissionResult.Accepted accepted = nodes.order(order);

        MessageView sent = awaitOutbound(nodes.hospital(), accepted.messageId(), "COMPLETE");

        assertThat(toHospital.applied()).as("the Acknowledgment, posted to the hospital's /ebms")
                .containsExactly(FaultProxy.Fault.FORWARD);
        assertThat(sent.attempts()).isEqualTo(1);
        // SEND_ACCEPTED (the 204) may be recorded after the Acknowledgment or not at all: it lost the race
        assertThat(eventTypes(sent)).contains("ACKNOWLEDGED").doesNotContain("SEND_FAILED");
        assertThat(deliveredOnce(nodes.lab(), order).messageId()).isEqualTo(accepted.messageId());
        assertThat(outbound(nodes.hospital(), accepted.messageId()).state()).as("still COMPLETE")
                .isEqualTo("COMPLETE");
    }

    @Test
    void aResultCompletesWithTheAcknowledgmentTheHospitalPostsSeparately() {
        Hl7Messages.Er7 result = Hl7Messages.result();
        SubmissionResult.Accepted accepted = nodes.result(result);

        MessageView sent = awaitOutbound(nodes.lab(), accepted.messageId(), "COMPLETE");

        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(eventTypes(sent)).contains("ACKNOWLEDGED").doesNotContain("SEND_FAILED");
        deliveredOnce(nodes.hospital(), result);
    }

    @Test
    void aPingIsAnsweredWithAPongPostedSeparately() {
        toHospital.reset();

        DiagnosePartner.PingResult pong = nodes.hospital().diagnose().ping(CpaId.of(DemoCpa.CPA_ID),
                PartyIds.parse(DemoCpa.HOSPITAL), PartyIds.parse(DemoCpa.LAB));

        assertThat(pong.error()).isNull();
        assertThat(pong.ok()).isTrue();
        assertThat(toHospital.applied()).as("the Pong, posted to the hospital's /ebms")
                .containsExactly(FaultProxy.Fault.FORWARD);
    }

    @Test
    void aStatusRequestIsAnsweredWithAStatusResponsePostedSeparately() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        SubmissionResult.Accepted accepted = nodes.order(order);
        awaitOutbound(nodes.hospital(), accepted.messageId(), "COMPLETE");
        toHospital.reset();

        DiagnosePartner.StatusResult status = nodes.hospital().diagnose().requestStatus(CpaId.of(DemoCpa.CPA_ID),
                PartyIds.parse(DemoCpa.HOSPITAL), PartyIds.parse(DemoCpa.LAB), accepted.messageId());

        assertThat(status.error()).isNull();
        assertThat(status.status()).isEqualTo("Received");
        assertThat(toHospital.applied()).containsExactly(FaultProxy.Fault.FORWARD);
    }
}
