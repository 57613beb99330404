package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.eventTypes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.e2e.FaultProxy.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lost-acknowledgment case through the whole of issue 4: the laboratory stores the order, but its
 * acknowledgments never reach the hospital (a proxy holds them past the hospital's response timeout); the retries
 * run out, slow retry wakes up after PersistDuration has passed, the hospital regenerates the MessageId, and the
 * laboratory recognises the HL7 id under the new id: acknowledged, not delivered again.
 * CPA: Retries 1 every PT1S, PersistDuration PT4S; slow retry from 2 s; the hospital waits 2 s for a response.
 */
class RegenerationAfterLostAcknowledgmentTest {
    private static final Duration TOO_LATE = Duration.ofSeconds(5);

    @TempDir
    Path root;

    @Test
    void afterRegenerationTheLaboratoryRecognisesTheHl7IdAndDeliversTheOrderOnce() {
        int labPort = TestNode.freePort();
        try (FaultProxy proxy = FaultProxy.to(labPort);
             TwoNodes nodes = TwoNodes.in(root).labPort(labPort).hospitalReachesLabAt(proxy.port())
                     .hospitalResponseTimeout(Duration.ofSeconds(2))
                     .cpa(cpa -> cpa.retries(1, Duration.ofSeconds(1)).persistDuration(Duration.ofSeconds(4)))
                     .hospitalReliability(r -> r.withSlowRetry(new GatewayConfig.SlowRetry(true,
                             Duration.ofSeconds(2), 2.0, Duration.ofSeconds(8), null, Duration.ofMinutes(5)),
                             r.regenerationMargin()))
                     .start()) {
            proxy.then(Fault.DELAY_RESPONSE, TOO_LATE).then(Fault.DELAY_RESPONSE, TOO_LATE);
            Hl7Messages.Er7 order = Hl7Messages.order();

            SubmissionResult.Accepted first = nodes.order(order);

            MessageView complete = awaitOutbound(nodes.hospital(), first.messageId(), "COMPLETE");
            List<String> chain = complete.messageIds();
            assertThat(chain).as("regenerated at least once").hasSizeGreaterThanOrEqualTo(2)
                    .startsWith(first.messageId());
            assertThat(eventTypes(complete)).containsSubsequence("SLOW_RETRY_ENTERED", "MESSAGE_ID_REGENERATED",
                    "ACKNOWLEDGED");
            assertThat(complete.hl7MessageId()).isEqualTo(order.id());
            assertThat(deliveredOnce(nodes.lab(), order).messageId()).as("the first copy, stored before the ack was lost")
                    .isEqualTo(first.messageId());
            MessageView copy = nodes.lab().query().find(complete.messageId()).stream()
                    .filter(m -> m.direction().equals("INBOUND")).findFirst().orElseThrow();
            assertThat(copy.state()).isEqualTo("DUPLICATE");
            assertThat(eventTypes(copy)).containsExactly("HL7_DUPLICATE");
        }
    }
}
