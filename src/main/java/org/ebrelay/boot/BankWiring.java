package org.ebrelay.boot;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.function.Supplier;
import org.ebrelay.adapter.bank.HttpBankChannel;
import org.ebrelay.adapter.bank.rest.BankApi;
import org.ebrelay.adapter.portal.PortalPages;
import org.ebrelay.adapter.http.WebServer;
import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.adapter.jdbc.JdbcBankOutbox;
import org.ebrelay.adapter.jdbc.JdbcEventWriters;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.bank.BankChannel;
import org.ebrelay.app.bank.BankResubmission;
import org.ebrelay.app.bank.BankShipper;
import org.ebrelay.app.bank.NodeNotes;
import org.ebrelay.app.bank.BankWork;
import org.ebrelay.app.bank.NodeHello;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.boot.config.GatewayConfig;
import org.slf4j.LoggerFactory;

/**
 * The node's side of the Message Bank: with {@code bank.url} it ships to that standalone bank over HTTP; without
 * it the node hosts a bank of its own (its API under /bank/api) and ships to it in-process, through the same
 * idempotent path.
 */
final class BankWiring {
    private final BankHost host;
    private final BankShipper shipper;

    private BankWiring(BankHost host, BankShipper shipper) {
        this.host = host;
        this.shipper = shipper;
    }

    /** Prepares the bank before the web server starts (its API must be registered first); null when it is off. */
    static BankWiring prepare(GatewayConfig config, String nodeId, Database database, JdbcMessageStore store,
                              AgreementRegistry agreements, WebServer web, Supplier<URI> address, Runnable wake,
                              MessageCodec codec, SubmitMessage submit, Clock clock, Deque<AutoCloseable> started,
                              NodeNotes notes) {
        GatewayConfig.Bank settings = config.bank();
        if (!settings.enabled()) {
            return null;
        }
        BankHost host = null;
        BankChannel channel;
        if (settings.url() == null || settings.url().isBlank()) {
            if (config.cluster().enabled() && settings.jdbcUrl() == null) {
                LoggerFactory.getLogger(BankWiring.class).warn("node {} of a cluster hosts a bank of its own: it gets"
                        + " only the events this node writes; set bank.url on every node to one bank", nodeId);
            }
            host = BankHost.start(settings, config.portal(), config.storage().dataDir(), clock,
                    config.http().maxMessageBytes());
            started.push(host);
            channel = host.bank();
            web.addRestApplication(BankApi.PREFIX, host.api().resources(), host.api().providers());
            web.addRestApplication(PortalPages.PREFIX, List.of(host.portal().pages()), List.of());
        } else {
            channel = new HttpBankChannel(URI.create(settings.url()), settings.token(), config.http().responseTimeout());
        }
        Supplier<NodeHello> hello = () -> new NodeHello(address.get().toString(), version(),
                new ArrayList<>(agreements.all().stream().map(a -> a.cpaId().value()).toList()));
        boolean clustered = config.cluster().enabled();
        BankShipper shipper = new BankShipper(nodeId, new JdbcBankOutbox(database, clustered), channel, hello,
                new BankWork(store, store, clock, wake, new BankResubmission(nodeId, codec, submit)), clock, new BankShipper.Settings(settings.batchSize(),
                settings.shipInterval(), settings.gapWait(), 20, 20), clustered ? writers(config, database) : null,
                notes);
        return new BankWiring(host, shipper);
    }

    /**
     * In a cluster, records this node as a writer of the shared event log before it writes any event (its part of
     * the log starts there), or takes its part back from a node that shipped it while it was away.
     */
    static void registerWriter(GatewayConfig config, String nodeId, Database database, Clock clock) {
        if (config.cluster().enabled() && config.bank().enabled()) {
            writers(config, database).register(nodeId, clock.instant());
        }
    }

    private static JdbcEventWriters writers(GatewayConfig config, Database database) {
        Duration startup = config.cluster().checkinInterval().plusSeconds(30);
        return new JdbcEventWriters(database, ClusterSetup.CLUSTER_SCHEDULER, startup);
    }

    /** Starts shipping (after the web server, so the announced address is the bound one). */
    void start(Deque<AutoCloseable> started) {
        shipper.start();
        started.push(shipper);
    }

    BankShipper shipper() {
        return shipper;
    }

    /** The hosted bank, or null when shipping to a standalone one. */
    BankHost host() {
        return host;
    }

    static String version() {
        String version = BankWiring.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
