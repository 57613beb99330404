package org.ebrelay.e2e;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.adapter.bank.BankQuery;
import org.ebrelay.adapter.bank.JdbcMessageBank;
import org.ebrelay.adapter.bank.Views;
import org.ebrelay.boot.StandaloneBank;
import org.ebrelay.boot.config.GatewayConfig;

/** A standalone bank for end-to-end tests: on a fixed port and data directory, so it can be stopped and started. */
final class BankNodes implements AutoCloseable {
    private final GatewayConfig config;
    private StandaloneBank bank;
    private PortalClient operator;

    BankNodes(Path dataDir, List<GatewayConfig.AutoResend> rules) {
        this(dataDir, rules, Duration.ofSeconds(30));
    }

    /** @param staleNodeAfter a node silent this long counts as gone (its resends go to a node with its CPA) */
    BankNodes(Path dataDir, List<GatewayConfig.AutoResend> rules, Duration staleNodeAfter) {
        GatewayConfig.Bank b = fast(GatewayConfig.Bank.defaults());
        this.config = GatewayConfig.defaults().withBank(new GatewayConfig.Bank(b.enabled(), null, null, null, "sa",
                        "", "127.0.0.1", TestNode.freePort(), b.shipInterval(), b.batchSize(), b.gapWait(),
                        staleNodeAfter, Duration.ofSeconds(10), Duration.ofMillis(200), rules, List.of()))
                .withStorage(dataDir).withPortal(PortalAccessTest.fastHashing(GatewayConfig.defaults()).portal());
        start();
    }

    /** Ships often, so tests do not wait long. */
    static GatewayConfig.Bank fast(GatewayConfig.Bank b) {
        return new GatewayConfig.Bank(b.enabled(), b.url(), b.token(), b.jdbcUrl(), b.user(), b.password(), b.host(),
                b.port(), Duration.ofMillis(100), 50, b.gapWait(), b.staleNodeAfter(), b.workLease(),
                Duration.ofMillis(200), b.autoResend(), b.retention());
    }

    /** A node configuration that ships to this bank. */
    GatewayConfig shipping(GatewayConfig node) {
        return node.withBank(fast(node.bank()).shippingTo(url()));
    }

    String url() {
        return "http://127.0.0.1:" + config.bank().port();
    }

    void start() {
        if (bank == null) {
            bank = StandaloneBank.start(config, Clock.systemUTC());
        }
    }

    void stop() {
        if (bank != null) {
            bank.close();
            bank = null;
        }
    }

    /** An operator ("alice") signed in to the bank's API, which refuses requests without a session. */
    PortalClient operator() throws Exception {
        if (operator == null) {
            bank.host().portal().accounts().add("test", "alice", org.ebrelay.app.portal.Role.OPERATOR,
                    PortalAccessTest.PASSWORD.toCharArray());
            operator = PortalClient.signedIn(java.net.URI.create(url()), "alice");
        }
        return operator;
    }

    JdbcMessageBank bank() {
        return bank.host().bank();
    }

    /** Every message the bank holds for {@code node}, with its detail. */
    List<Views.MessageDetail> messagesOf(String node) {
        BankQuery query = new BankQuery(null, null, null, null, null, null, null, List.of(), node, null, null, null,
                false);
        List<Views.MessageDetail> found = new ArrayList<>();
        for (long id : bank().idsMatching(query, 100_000)) {
            found.add(bank().detail(id).orElseThrow());
        }
        return found;
    }

    @Override
    public void close() {
        stop();
    }
}
