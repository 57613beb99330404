package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.eventually;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ebrelay.adapter.bank.BankQuery;
import org.ebrelay.adapter.bank.Views;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hospital node gives an order up to manual handling and is then gone for good. An operator resends it through
 * the bank: another hospital node with the same CPA takes the request over, submits the banked payload as a new
 * message, and the laboratory gets the order once; the original message's timeline says who resent it and how.
 */
class GoneNodeResendEndToEndTest {
    @TempDir
    Path root;

    @Test
    void aGoneNodesMessageIsResentByAnotherNodeWithTheSameCpaAndDeliveredOnce() throws Exception {
        try (BankNodes bank = new BankNodes(root.resolve("bank"), List.of(), Duration.ofSeconds(2));
             TwoNodes nodes = TwoNodes.in(root).labRunning(false).withoutSlowRetry()
                     .cpa(cpa -> cpa.retries(1, Duration.ofSeconds(1)))
                     .hospitalConfig(bank::shipping).labConfig(bank::shipping).start()) {
            Hl7Messages.Er7 order = Hl7Messages.order();
            int oldPort = TestNode.freePort();
            GatewayConfig.Reliability r = GatewayConfig.Reliability.defaults();
            TestNode oldSetup = new TestNode(root, "hospital-old", DemoCpa.HOSPITAL, oldPort, Duration.ofSeconds(10),
                    r.withSlowRetry(new GatewayConfig.SlowRetry(false, r.slowRetry().firstInterval(), 2.0,
                            r.slowRetry().maxInterval(), null, null), r.regenerationMargin()))
                    .withCpa(DemoCpa.shipped().endpoints(oldPort, nodes.labPort()).retries(1, Duration.ofSeconds(1)));
            Gateway old = oldSetup.start(bank::shipping);
            String original = TwoNodes.accepted(old.submit().submit(
                    TwoNodes.submission(DemoCpa.ORDER, DemoCpa.LAB, order))).messageId();
            awaitOutbound(old, original, "MANUAL");
            BankQuery query = new BankQuery(order.id(), null, null, null, null, null, null, List.of("MANUAL"),
                    "hospital-old", null, null, null, false);
            eventually().until(() -> bank.bank().idsMatching(query, 10).size() == 1);
            long id = bank.bank().idsMatching(query, 10).get(0);
            old.close();
            nodes.startLab();

            assertThat(MessageBankEndToEndTest.post(bank, "/bank/api/messages/" + id + "/resend",
                    "{\"reason\": \"hospital-old is gone\", \"operator\": \"alice\"}").statusCode()).isEqualTo(202);

            eventually().until(() -> bank.bank().detail(id).orElseThrow().resendRequests().get(0).state(),
                    "DONE"::equals);
            Views.MessageDetail detail = bank.bank().detail(id).orElseThrow();
            assertThat(detail.resendRequests().get(0).assignedNode()).isEqualTo("hospital");
            Views.Event done = detail.events().stream().filter(e -> e.type().equals("BANK_RESEND_DONE"))
                    .findFirst().orElseThrow();
            assertThat(done.detail()).contains("resent by node hospital as new message ");
            String resent = done.detail().substring(done.detail().indexOf("new message ") + "new message ".length());
            assertThat(resent).isNotEqualTo(original);
            assertThat(detail.events()).extracting(Views.Event::type).contains("BANK_RESEND_REASSIGNED");
            awaitOutbound(nodes.hospital(), resent, "COMPLETE");
            deliveredOnce(nodes.lab(), order);
        }
    }
}
