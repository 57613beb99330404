package org.ebrelay.boot;

import org.ebrelay.adapter.cpa.CpaFileLoader;
import org.ebrelay.adapter.cpa.CpaFolderFiles;
import org.ebrelay.adapter.cpa.EndpointOverridesYaml;
import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.adapter.jdbc.JdbcCpaStore;
import org.ebrelay.adapter.notify.CpaAlertSender;
import org.ebrelay.adapter.notify.SmtpAdminChannel;
import org.ebrelay.adapter.webhook.HttpApplicationWebhook;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.cpa.CpaAdministration;
import org.ebrelay.app.cpa.OverridesFile;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.cpa.EndpointOverrides;
import org.ebrelay.domain.message.CpaId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPA administration of a node (issue 9): the versions store, the folder watch (a look every
 * {@code cpa.watchInterval} on a thread of the node's own: every node of a cluster keeps its own registry), alerts
 * by e-mail and the endpoint overrides.
 */
public final class CpaAdminSetup {
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.cpa");

    private CpaAdminSetup() {
    }

    /** The overrides of {@code cpa.endpointOverrides}; problems are added to {@code problems}. */
    public static EndpointOverrides overrides(GatewayConfig.Cpa cpa, List<String> problems) {
        List<EndpointOverrides.Mapping> mappings = new ArrayList<>();
        for (GatewayConfig.EndpointOverride o : cpa.endpointOverrides() == null ? List.<GatewayConfig.EndpointOverride>of()
                : cpa.endpointOverrides()) {
            try {
                URI from = URI.create(o.from() == null ? "" : o.from());
                URI to = URI.create(o.to() == null ? "" : o.to());
                if (to.getScheme() == null || !to.getScheme().startsWith("http")) {
                    throw new IllegalArgumentException("'to' must be an absolute http(s) URL");
                }
                mappings.add(new EndpointOverrides.Mapping(o.cpaId() == null ? null : CpaId.of(o.cpaId()), from, to));
            } catch (IllegalArgumentException e) {
                problems.add("cpa.endpointOverrides: " + o.from() + " -> " + o.to() + ": " + e.getMessage());
            }
        }
        return new EndpointOverrides(mappings);
    }

    /** What a node with this configuration sends to: the overrides file's mappings first, then the configured ones. */
    public static EndpointOverrides overridesInForce(GatewayConfig.Cpa cpa, List<String> problems) {
        EndpointOverrides configured = overrides(cpa, problems);
        if (cpa.endpointOverridesFile() == null) {
            return configured;
        }
        OverridesFile.Read read = new EndpointOverridesYaml(cpa.endpointOverridesFile()).read();
        problems.addAll(read.problems());
        List<EndpointOverrides.Mapping> all = new ArrayList<>(read.isValid() ? read.overrides().all() : List.of());
        all.addAll(configured.all());
        return new EndpointOverrides(all);
    }

    static CpaAdministration start(GatewayConfig config, Clock clock, String node, AgreementRegistry registry,
                                   Database database, Deque<AutoCloseable> started) {
        List<String> problems = new ArrayList<>();
        EndpointOverrides overrides = overrides(config.cpa(), problems);
        Duration interval = config.cpa().watchInterval();
        Duration warning = config.cpa().expiryWarning();
        if (interval == null || interval.isNegative()) {
            problems.add("cpa.watchInterval must be PT0S (off) or a positive duration");
        }
        if (warning == null || warning.isNegative()) {
            problems.add("cpa.expiryWarning must not be negative");
        }
        OverridesFile overridesFile = overridesFile(config.cpa(), problems);
        if (!problems.isEmpty()) {
            throw new StartupException("ebrelay cannot start:\n  " + String.join("\n  ", problems));
        }
        HttpApplicationWebhook http = new HttpApplicationWebhook(config.http().connectTimeout(),
                config.http().responseTimeout());
        GatewayConfig.AdminWebhook hook = config.notifications().adminWebhook();
        CpaAlertSender alerts = new CpaAlertSender(mailChannels(config, clock, node, http),
                hook == null || hook.url() == null ? null : URI.create(hook.url()), http, node);
        started.push(alerts);
        JdbcCpaStore store = new JdbcCpaStore(database, clock);
        CpaAdministration admin = new CpaAdministration(registry, new CpaFolderFiles(config.cpa().dir(),
                new CpaFileLoader(clock)), store, store, alerts, overrides, overridesFile, warning, clock);
        admin.startUp();
        if (!interval.isZero()) {
            ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ebrelay-cpa-watch");
                t.setDaemon(true);
                return t;
            });
            watch.scheduleWithFixedDelay(() -> pollQuietly(admin), interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
            started.push(watch::shutdownNow);
        }
        return admin;
    }

    /** The overrides file, checked at start-up like the CPAs (a broken one stops the start); null when none. */
    private static OverridesFile overridesFile(GatewayConfig.Cpa cpa, List<String> problems) {
        if (cpa.endpointOverridesFile() == null) {
            return null;
        }
        OverridesFile file = new EndpointOverridesYaml(cpa.endpointOverridesFile());
        problems.addAll(file.read().problems());
        return file;
    }

    private static void pollQuietly(CpaAdministration admin) {
        try {
            admin.poll();
        } catch (RuntimeException e) {
            log.warn("the look at the CPA folder failed, the active CPAs stay: {}", e.getMessage());
        }
    }

    private static List<SmtpAdminChannel> mailChannels(GatewayConfig config, Clock clock, String node,
                                                       HttpApplicationWebhook http) {
        return NotificationSetup.channels(config.notifications(), node, http, clock).stream()
                .filter(SmtpAdminChannel.class::isInstance).map(SmtpAdminChannel.class::cast).toList();
    }
}
