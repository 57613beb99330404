package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.eventTypes;
import static org.ebrelay.e2e.Observed.eventually;
import static org.ebrelay.e2e.Observed.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow retry and MessageId regeneration between two real nodes: Retries 2 every PT1S, PersistDuration PT8S (an id
 * goes out until 7.2 s after its Timestamp: the margin is capped at a tenth), slow retry from 2 s doubling. The
 * laboratory is down until the hospital has renewed the MessageId at least once.
 */
class SlowRetryEndToEndTest {
    @TempDir
    Path root;

    @Test
    void aMessageGoesThroughRetriesSlowRetryAndANewMessageIdAndIsDeliveredOnceWhenTheLaboratoryIsBack() {
        try (TwoNodes nodes = TwoNodes.in(root).labRunning(false)
                .cpa(cpa -> cpa.retries(2, Duration.ofSeconds(1)).persistDuration(Duration.ofSeconds(8)))
                .hospitalReliability(r -> r.withSlowRetry(new GatewayConfig.SlowRetry(true, Duration.ofSeconds(2),
                        2.0, Duration.ofSeconds(16), null, Duration.ofMinutes(5)), r.regenerationMargin()))
                .start()) {
            Hl7Messages.Er7 order = Hl7Messages.order();
            SubmissionResult.Accepted accepted = nodes.order(order);

            MessageView renewed = eventually(Duration.ofSeconds(25))
                    .until(() -> outbound(nodes.hospital(), accepted.messageId()), m -> m.messageIds().size() >= 2);
            assertThat(eventTypes(renewed)).as("%s", renewed.events()).containsSubsequence("SEND_STARTED",
                    "SEND_FAILED", "SEND_STARTED", "SEND_FAILED", "SEND_STARTED", "SLOW_RETRY_ENTERED",
                    "SLOW_RETRY_WAKE_UP", "MESSAGE_ID_REGENERATED"); // in the 1st or 2nd slow-retry sequence: timing
            assertThat(renewed.messageIds()).first().isEqualTo(accepted.messageId());

            nodes.startLab();

            MessageView complete = awaitOutbound(nodes.hospital(), accepted.messageId(), "COMPLETE");
            List<String> chain = complete.messageIds();
            assertThat(chain).hasSizeGreaterThanOrEqualTo(2).startsWith(accepted.messageId()).doesNotHaveDuplicates();
            assertThat(complete.messageId()).as("completed under the newest id").isEqualTo(chain.get(chain.size() - 1));
            assertThat(complete.hl7MessageId()).isEqualTo(order.id());
            assertThat(deliveredOnce(nodes.lab(), order).messageId()).as("the lab got the newest id")
                    .isEqualTo(complete.messageId());

            List<JsonNode> overRest = new RestClient(nodes.hospital().baseUri()).messages(order.id());
            assertThat(overRest).filteredOn(m -> m.path("direction").asText().equals("OUTBOUND")).singleElement()
                    .satisfies(m -> {
                        assertThat(m.path("hl7MessageId").asText()).isEqualTo(order.id());
                        assertThat(m.path("messageIds")).extracting(JsonNode::asText)
                                .containsExactlyElementsOf(chain);
                    });
        }
    }
}
