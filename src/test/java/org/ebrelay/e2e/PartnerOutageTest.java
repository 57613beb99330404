package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.eventTypes;
import static org.ebrelay.e2e.Observed.eventually;
import static org.ebrelay.e2e.Observed.outbound;

import java.nio.file.Path;
import java.time.Duration;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.DiagnosePartner;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.domain.message.CpaId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The laboratory's node is down: the hospital keeps retrying under the same MessageId every RetryInterval, and
 * either the laboratory comes back (the message completes and is delivered once) or, without slow retry, the retries
 * run out (the message waits for an operator in MANUAL, with a RETRIES_EXHAUSTED event). SlowRetryEndToEndTest has
 * the outage with slow retry.
 */
class PartnerOutageTest {
    @TempDir
    Path root;

    @Test
    void aMessageSentWhileTheLaboratoryIsDownRetriesAndCompletesOnceItIsBack() {
        try (TwoNodes nodes = TwoNodes.in(root).labRunning(false)
                .cpa(cpa -> cpa.retries(30, Duration.ofSeconds(1))).start()) {
            Hl7Messages.Er7 order = Hl7Messages.order();
            SubmissionResult.Accepted accepted = nodes.order(order);

            MessageView retrying = eventually().until(() -> outbound(nodes.hospital(), accepted.messageId()),
                    m -> m.state().equals("RETRYING") && m.attempts() >= 2);
            assertThat(retrying.events()).filteredOn(e -> e.type().equals("SEND_FAILED"))
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(e -> assertThat(e.detail()).containsIgnoringCase("refused"));
            assertThat(retrying.messageIds()).containsExactly(accepted.messageId());
            DiagnosePartner.PingResult noPong = nodes.hospital().diagnose().ping(CpaId.of(DemoCpa.CPA_ID),
                    PartyIds.parse(DemoCpa.HOSPITAL), PartyIds.parse(DemoCpa.LAB));
            assertThat(noPong.ok()).isFalse();
            assertThat(noPong.error()).containsIgnoringCase("refused");

            nodes.startLab();

            MessageView complete = awaitOutbound(nodes.hospital(), accepted.messageId(), "COMPLETE");
            assertThat(complete.attempts()).isGreaterThan(retrying.attempts());
            assertThat(complete.messageIds()).as("every attempt under the same MessageId")
                    .containsExactly(accepted.messageId());
            assertThat(deliveredOnce(nodes.lab(), order).messageId()).isEqualTo(accepted.messageId());
        }
    }

    @Test
    void withoutSlowRetryALaboratoryThatStaysDownExhaustsTheRetriesAndTheMessageWaitsForAnOperator() {
        try (TwoNodes nodes = TwoNodes.in(root).labRunning(false).withoutSlowRetry()
                .cpa(cpa -> cpa.retries(1, Duration.ofSeconds(1))).start()) {
            SubmissionResult.Accepted accepted = nodes.order(Hl7Messages.order());

            MessageView manual = awaitOutbound(nodes.hospital(), accepted.messageId(), "MANUAL");

            assertThat(manual.attempts()).as("the first attempt and one retry").isEqualTo(2);
            assertThat(eventTypes(manual)).as("%s", manual.events())
                    .containsSubsequence("SEND_STARTED", "SEND_FAILED", "SEND_STARTED", "RETRIES_EXHAUSTED")
                    .containsOnlyOnce("RETRIES_EXHAUSTED");
            assertThat(manual.events()).filteredOn(e -> e.type().equals("RETRIES_EXHAUSTED")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).as("the last failure").containsIgnoringCase("refused"));
            assertThat(nodes.hospital().query().byState("MANUAL", 10)).extracting(MessageView::messageId)
                    .contains(accepted.messageId());
        }
    }
}
