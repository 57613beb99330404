package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.eventTypes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.adapter.jdbc.TestPostgres;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hospital nodes in this JVM on one embedded PostgreSQL database (Quartz not clustered: one JVM holds one
 * clustered scheduler; ClusterFailoverTest covers that). The CPA asks for asynchronous acknowledgments, and the lab
 * posts every one to the first node's endpoint, as a load balancer may: the orders the second node sent complete
 * all the same, from the shared rows.
 */
class ClusterAcknowledgmentTest {
    @TempDir
    Path root;

    @Test
    void asynchronousAcknowledgmentsArrivingAtEitherNodeCompleteTheOrdersTheOtherSent() {
        int firstPort = TestNode.freePort();
        int labPort = TestNode.freePort();
        DemoCpa cpa = DemoCpa.shipped().endpoints(firstPort, labPort).retries(30, Duration.ofSeconds(1))
                .asynchronousAcks();
        TestNode first = new TestNode(root, "hospital-1", DemoCpa.HOSPITAL, firstPort, Duration.ofSeconds(10),
                GatewayConfig.Reliability.defaults()).withCpa(cpa);
        TestNode second = new TestNode(root, "hospital-2", DemoCpa.HOSPITAL, TestNode.freePort(),
                Duration.ofSeconds(10), GatewayConfig.Reliability.defaults()).withCpa(cpa);
        TestNode lab = TestNode.lab(root, labPort).withCpa(cpa);
        String jdbcUrl = TestPostgres.newDatabase();
        try (Gateway receiver = lab.start();
             Gateway one = first.start(c -> c.withStorage(c.storage().withJdbcUrl(jdbcUrl, TestPostgres.USER, "")));
             Gateway two = second.start(c -> c.withStorage(c.storage().withJdbcUrl(jdbcUrl, TestPostgres.USER,
                     "")))) {
            List<Hl7Messages.Er7> orders = new ArrayList<>();
            List<SubmissionResult.Accepted> accepted = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Hl7Messages.Er7 order = Hl7Messages.order();
                orders.add(order);
                Gateway node = i % 2 == 0 ? one : two;
                accepted.add((SubmissionResult.Accepted) node.submit().submit(
                        TwoNodes.submission(DemoCpa.ORDER, DemoCpa.LAB, order)));
            }

            for (int i = 0; i < orders.size(); i++) {
                Gateway other = i % 2 == 0 ? two : one;
                MessageView sent = awaitOutbound(other, accepted.get(i).messageId(), "COMPLETE");
                assertThat(eventTypes(sent)).contains("ACKNOWLEDGED");
                assertThat(sent.attempts()).isEqualTo(1);
                deliveredOnce(receiver, orders.get(i));
            }
        }
    }
}
