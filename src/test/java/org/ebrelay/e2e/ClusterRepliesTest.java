package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;

import java.nio.file.Path;
import java.time.Duration;
import org.ebrelay.adapter.jdbc.TestPostgres;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.DiagnosePartner;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.message.CpaId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hospital nodes in this JVM on one embedded PostgreSQL database; the lab answers asynchronously and, as its CPA
 * says, to the first node's URL. A Ping and a StatusRequest sent by the second node are answered all the same: the
 * first node leaves the Pong and the StatusResponse in the shared database, where the second collects them.
 */
class ClusterRepliesTest {
    @TempDir
    Path root;

    @Test
    void aPongAndAStatusResponseReachingTheOtherNodeAnswerThePingAndStatusRequestOfThisOne() {
        int firstPort = TestNode.freePort();
        int labPort = TestNode.freePort();
        DemoCpa cpa = DemoCpa.shipped().endpoints(firstPort, labPort).asynchronousAcks();
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
            SubmissionResult.Accepted order = (SubmissionResult.Accepted) two.submit().submit(
                    TwoNodes.submission(DemoCpa.ORDER, DemoCpa.LAB, Hl7Messages.order()));
            awaitOutbound(one, order.messageId(), "COMPLETE");

            DiagnosePartner.PingResult pong = two.diagnose().ping(CpaId.of(DemoCpa.CPA_ID),
                    PartyIds.parse(DemoCpa.HOSPITAL), PartyIds.parse(DemoCpa.LAB));
            DiagnosePartner.StatusResult status = two.diagnose().requestStatus(CpaId.of(DemoCpa.CPA_ID),
                    PartyIds.parse(DemoCpa.HOSPITAL), PartyIds.parse(DemoCpa.LAB), order.messageId());

            assertThat(pong.error()).isNull();
            assertThat(pong.ok()).isTrue();
            assertThat(status.error()).isNull();
            assertThat(status.status()).isEqualTo("Received");
        }
    }
}
