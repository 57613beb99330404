package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.outbound;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nodes: while the laboratory is down the hospital's circuit to it opens after a few failures, so its
 * backlog waits without using up retries; when the laboratory is back a probe closes the circuit and every message
 * is delivered once.
 */
class PartnerPacingTest {
    private static final int THRESHOLD = 3;
    private static final int CONCURRENT = 2;

    @TempDir
    Path root;

    @Test
    void aBacklogForALaboratoryThatIsDownWaitsBehindAnOpenCircuitAndDrainsOnceItIsBack() {
        GatewayConfig.Pacing pacing = new GatewayConfig.Pacing(CONCURRENT, 0, 1,
                new GatewayConfig.Breaker(THRESHOLD, Duration.ofSeconds(2), Duration.ofSeconds(4)), List.of());
        try (TwoNodes nodes = TwoNodes.in(root).labRunning(false)
                .cpa(cpa -> cpa.retries(30, Duration.ofSeconds(1)))
                .hospitalConfig(c -> c.withPacing(pacing)).start()) {
            List<Hl7Messages.Er7> orders = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Hl7Messages.Er7 order = Hl7Messages.order();
                SubmissionResult.Accepted accepted = nodes.order(order);
                orders.add(order);
                ids.add(accepted.messageId());
            }

            await().atMost(Observed.PATIENCE).until(() -> attempts(nodes, ids) >= THRESHOLD);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> attempts(nodes, ids) <= THRESHOLD + CONCURRENT - 1 + 2);
            assertThat(ids.stream().filter(id -> outbound(nodes.hospital(), id).state().equals("QUEUED")).count())
                    .as("held: not attempted, no retry used").isGreaterThanOrEqualTo(20 - THRESHOLD - CONCURRENT - 2);

            nodes.startLab();

            for (int i = 0; i < ids.size(); i++) {
                awaitOutbound(nodes.hospital(), ids.get(i), "COMPLETE");
                assertThat(deliveredOnce(nodes.lab(), orders.get(i)).messageId()).isEqualTo(ids.get(i));
            }
        }
    }

    private static int attempts(TwoNodes nodes, List<String> ids) {
        return ids.stream().mapToInt(id -> outbound(nodes.hospital(), id).attempts()).sum();
    }
}
