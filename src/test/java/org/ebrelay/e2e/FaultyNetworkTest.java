package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.eventTypes;
import static org.ebrelay.e2e.Observed.inbound;

import java.nio.file.Path;
import java.time.Duration;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.e2e.FaultProxy.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hospital reaches the laboratory through a fault-injecting proxy: whatever the first attempt meets (an HTTP
 * 500, a connection closed mid-request, a partner too slow to answer, an acknowledgment that comes too late), the
 * hospital retries under the same MessageId until the acknowledgment arrives, and the laboratory's application gets
 * the message exactly once. CPA: Retries 4, RetryInterval PT1S; the hospital waits 3 s for a response.
 */
class FaultyNetworkTest {
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);
    /** Well past the hospital's response timeout. */
    private static final Duration TOO_LATE = Duration.ofSeconds(8);

    @TempDir
    static Path root;
    static FaultProxy proxy;
    static TwoNodes nodes;

    @BeforeAll
    static void startNodesBehindTheProxy() {
        int labPort = TestNode.freePort();
        proxy = FaultProxy.to(labPort);
        nodes = TwoNodes.in(root).labPort(labPort).hospitalReachesLabAt(proxy.port())
                .hospitalResponseTimeout(RESPONSE_TIMEOUT)
                .cpa(cpa -> cpa.retries(4, Duration.ofSeconds(1)))
                .start();
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @BeforeEach
    void cleanScript() {
        proxy.reset();
    }

    @Test
    void aPartnerAnsweringHttp500GetsTheMessageAgainAndItCompletes() {
        proxy.then(Fault.ANSWER_500);

        Outcome outcome = sendOrder();

        assertThat(proxy.applied()).containsExactly(Fault.ANSWER_500, Fault.FORWARD);
        assertThat(outcome.sent().attempts()).isEqualTo(2);
        assertThat(outcome.sent().events()).filteredOn(e -> e.type().equals("SEND_FAILED"))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("500"));
        assertThat(eventTypes(outcome.received())).doesNotContain("DUPLICATE_RECEIVED");
    }

    @Test
    void aConnectionClosedMidRequestIsRetriedAndTheMessageCompletes() {
        proxy.then(Fault.CLOSE_MID_REQUEST);

        Outcome outcome = sendOrder();

        assertThat(proxy.applied()).containsExactly(Fault.CLOSE_MID_REQUEST, Fault.FORWARD);
        assertThat(outcome.sent().attempts()).isEqualTo(2);
        assertThat(eventTypes(outcome.sent())).containsOnlyOnce("SEND_FAILED");
        assertThat(eventTypes(outcome.received())).doesNotContain("DUPLICATE_RECEIVED");
    }

    @Test
    void aPartnerTooSlowToAnswerIsGivenUpOnAndTheRetryCompletes() {
        proxy.then(Fault.HOLD_REQUEST, TOO_LATE);

        Outcome outcome = sendOrder();

        assertThat(proxy.applied()).startsWith(Fault.HOLD_REQUEST, Fault.FORWARD);
        assertThat(outcome.sent().attempts()).isEqualTo(proxy.applied().size()).isGreaterThanOrEqualTo(2);
        assertThat(outcome.sent().events()).filteredOn(e -> e.type().equals("SEND_FAILED"))
                .first().satisfies(e -> assertThat(e.detail()).containsIgnoringCase("timeout"));
        assertThat(eventTypes(outcome.received())).as("the held request never reached the laboratory")
                .doesNotContain("DUPLICATE_RECEIVED");
    }

    @Test
    void aLateAcknowledgmentLeadsToAResendThatGetsTheStoredAcknowledgmentAndNoSecondDelivery() {
        proxy.then(Fault.DELAY_RESPONSE, TOO_LATE);

        Outcome outcome = sendOrder();

        assertThat(proxy.applied()).startsWith(Fault.DELAY_RESPONSE, Fault.FORWARD);
        assertThat(outcome.sent().attempts()).isGreaterThanOrEqualTo(2);
        assertThat(eventTypes(outcome.received())).as("the laboratory stored the first attempt and saw the resend")
                .contains("DUPLICATE_RECEIVED");
        assertThat(outcome.received().state()).isEqualTo("RECEIVED");
    }

    /** The order as the hospital saw it complete, and as the laboratory received it (asserted delivered once). */
    private record Outcome(MessageView sent, MessageView received) {
    }

    private static Outcome sendOrder() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        SubmissionResult.Accepted accepted = nodes.order(order);
        MessageView sent = awaitOutbound(nodes.hospital(), accepted.messageId(), "COMPLETE");
        deliveredOnce(nodes.lab(), order);
        return new Outcome(sent, inbound(nodes.lab(), order.id()));
    }
}
