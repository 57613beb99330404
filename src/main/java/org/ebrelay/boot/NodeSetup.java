package org.ebrelay.boot;

import org.ebrelay.adapter.cpa.CpaDirectory;
import org.ebrelay.adapter.cpa.CpaFileLoader;
import org.ebrelay.adapter.cpa.CpaProblem;
import org.ebrelay.adapter.http.ProxySettings;
import org.ebrelay.adapter.http.SenderConfig;
import org.ebrelay.adapter.http.WebServerConfig;
import org.ebrelay.adapter.tls.TlsSettings;
import org.ebrelay.adapter.jdbc.DatabaseSettings;
import org.ebrelay.adapter.jdbc.NodeTaggedUrl;
import org.ebrelay.adapter.jdbc.Durability;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.delivery.Webhook;
import org.ebrelay.app.outbound.DispatchSettings;
import org.ebrelay.app.outbound.pacing.PacingPolicy;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.message.PartyId;

import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Start-up validation and the settings each part gets: everything that can be wrong with the configuration or the
 * CPAs is found here, before anything starts, and reported in one message listing every problem.
 */
record NodeSetup(GatewayConfig config, Clock clock, NodeId nodeId, AgreementRegistry agreements,
                 LocalParties localParties, List<Webhook> webhooks) {

    static NodeSetup check(GatewayConfig config, Clock clock, NodeId nodeId) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(config.cpa().dir())) {
            problems.add("cpa.dir " + config.cpa().dir().toAbsolutePath() + " is not a folder");
        }
        CpaDirectory.Loaded loaded = problems.isEmpty() ? new CpaDirectory(new CpaFileLoader(clock)).load(config.cpa().dir())
                : new CpaDirectory.Loaded(List.of(), List.of());
        loaded.problems().stream().map(CpaProblem::toString).forEach(problems::add);
        if (problems.isEmpty() && loaded.agreements().isEmpty()) {
            problems.add("cpa.dir " + config.cpa().dir().toAbsolutePath() + " holds no CPA (*.xml)");
        }
        AgreementRegistry agreements = null;
        try {
            agreements = new AgreementRegistry(loaded.agreements());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        List<PartyId> parties = parties(config, agreements, problems);
        List<Webhook> webhooks = webhooks(config, problems);
        checkDurability(config, problems);
        MllpSetup.check(config.mllp(), agreements, problems);
        ClusterSetup.check(config, problems);
        PacingSetup.policy(config.pacing(), problems);
        SecuritySetup.check(config, problems);
        if (config.http().port() < 0 || config.http().port() > 65535) {
            problems.add("http.port " + config.http().port() + " is not a port number");
        }
        if (!problems.isEmpty()) {
            throw new StartupException("ebrelay cannot start:\n  " + String.join("\n  ", problems));
        }
        return new NodeSetup(config, clock, nodeId, agreements, new LocalParties(parties), webhooks);
    }

    private static List<PartyId> parties(GatewayConfig config, AgreementRegistry agreements, List<String> problems) {
        List<PartyId> parties = new ArrayList<>();
        for (String text : config.node().parties()) {
            try {
                PartyId party = PartyIds.parse(text);
                parties.add(party);
                if (agreements != null && agreements.all().stream().noneMatch(a -> a.party(party).isPresent())) {
                    problems.add("node.parties: " + text + " is a party of none of the loaded CPAs");
                }
            } catch (IllegalArgumentException e) {
                problems.add("node.parties: " + e.getMessage());
            }
        }
        return parties;
    }

    private static List<Webhook> webhooks(GatewayConfig config, List<String> problems) {
        List<Webhook> webhooks = new ArrayList<>();
        for (GatewayConfig.Webhook w : config.delivery().webhooks()) {
            try {
                URI url = URI.create(w.url());
                if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                    throw new IllegalArgumentException("not an http(s) URL");
                }
                webhooks.add(new Webhook(w.cpaId(), w.service(), w.action(), url, w.retries(), w.retryInterval()));
            } catch (RuntimeException e) {
                problems.add("delivery.webhooks: '" + w.url() + "': " + e.getMessage());
            }
        }
        return webhooks;
    }

    private static void checkDurability(GatewayConfig config, List<String> problems) {
        try {
            Durability.fromSetting(config.storage().durability());
        } catch (IllegalArgumentException e) {
            problems.add("storage.durability: " + e.getMessage());
        }
    }

    DatabaseSettings databaseSettings() {
        Durability durability = Durability.fromSetting(config.storage().durability());
        GatewayConfig.Storage storage = config.storage();
        if (storage.jdbcUrl() != null) {
            return new DatabaseSettings(NodeTaggedUrl.of(storage.jdbcUrl(), nodeId.value()), storage.user() == null ? "sa" : storage.user(),
                    storage.password() == null ? "" : storage.password(), storage.poolSize(), durability);
        }
        return DatabaseSettings.h2File(storage.dataDir(), durability).withPoolSize(storage.poolSize());
    }

    int maxMessageBytes() {
        return (int) Math.min(Integer.MAX_VALUE, config.http().maxMessageBytes());
    }

    WebServerConfig webServerConfig() {
        return WebServerConfig.defaults().withHost(config.http().host()).withPort(config.http().port())
                .withAdminPort(config.http().adminPort()).withMaxEbmsBodyBytes(maxMessageBytes())
                .withAdminHost(config.access().adminHost());
    }

    TlsSettings tlsSettings() {
        return SecuritySetup.tls(config.tls());
    }

    SenderConfig senderConfig() {
        GatewayConfig.Proxy proxy = config.http().proxy();
        SenderConfig sender = SenderConfig.defaults().withConnectTimeout(config.http().connectTimeout());
        return proxy == null ? sender : new SenderConfig(sender.connectTimeout(), sender.maxConnectionsPerEndpoint(),
                sender.maxResponseBytes(), sender.idleTimeout(),
                new ProxySettings(proxy.host(), proxy.port(), proxy.nonProxyHosts() == null ? List.of()
                        : proxy.nonProxyHosts()), null);
    }

    /** Valid once {@link #check} passed. */
    PacingPolicy pacingPolicy() {
        return PacingSetup.policy(config.pacing(), new ArrayList<>());
    }

    DispatchSettings dispatchSettings() {
        DispatchSettings d = DispatchSettings.defaults();
        return new DispatchSettings(d.batchSize(), d.maxInFlight(), config.reliability().claimLease(),
                config.http().responseTimeout(), config.reliability().sweepInterval());
    }

    @Override
    public String toString() {
        return "node " + nodeId + " with " + agreements.all().stream().map(a -> a.cpaId().value())
                .collect(Collectors.joining(", "));
    }
}
