package org.ebrelay.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ebrelay.adapter.bank.BankDatabase;
import org.ebrelay.adapter.bank.JdbcMessageBank;
import org.ebrelay.adapter.bank.rest.BankApi;
import org.ebrelay.adapter.portal.Portal;
import org.ebrelay.adapter.portal.PortalPages;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.SoapCodec;
import org.ebrelay.app.bank.AutoResendRule;
import org.ebrelay.app.bank.RetentionRule;
import org.ebrelay.app.bank.RetentionRules;
import org.ebrelay.boot.config.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Message Bank: its database, the bank, its REST API and its housekeeping (automatic resend, retention)
 * on a thread of its own. Hosted inside a node or standalone ({@code ebrelay bank}).
 */
public final class BankHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("org.ebrelay.bank");
    private static final int AUTO_RESENDS_PER_RULE = 500;
    private static final int PURGES_PER_ROUND = 1_000;

    private final BankDatabase database;
    private final JdbcMessageBank bank;
    private final BankApi api;
    private final Portal portal;
    private final ScheduledExecutorService housekeeping;

    private BankHost(BankDatabase database, JdbcMessageBank bank, BankApi api, Portal portal,
                     ScheduledExecutorService housekeeping) {
        this.database = database;
        this.portal = portal;
        this.bank = bank;
        this.api = api;
        this.housekeeping = housekeeping;
    }

    /** Opens the bank's database ({@code jdbcUrl}, or an H2 file in {@code <dataDir>/bank/}) and starts it. */
    public static BankHost start(GatewayConfig.Bank config, Path dataDir, Clock clock, long maxMessageBytes) {
        return start(config, GatewayConfig.Portal.defaults(), dataDir, clock, maxMessageBytes);
    }

    /** The same, with the portal's settings (its users and sessions live in the bank's database). */
    public static BankHost start(GatewayConfig.Bank config, GatewayConfig.Portal portalConfig, Path dataDir,
                                 Clock clock, long maxMessageBytes) {
        BankDatabase database = openDatabase(config, dataDir);
        JdbcMessageBank bank = new JdbcMessageBank(database, clock, settings(config));
        BankApi api = new BankApi(bank, new SoapCodec(new EbmsDecoder(new EbmsDecoder.Options((int) Math.min(Integer.MAX_VALUE, maxMessageBytes),
                false))), clock);
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ebrelay-bank-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        Portal portal;
        try {
            portal = PortalSetup.create(portalConfig, config, database.dataSource(), clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        portal.resources().forEach(api::addResource);
        portal.providers().forEach(api::addProvider);
        BankHost host = new BankHost(database, bank, api, portal, housekeeping);
        long every = config.housekeepingInterval().toMillis();
        housekeeping.scheduleWithFixedDelay(host::housekeep, every, every, TimeUnit.MILLISECONDS);
        return host;
    }

    /** The bank's database, migrated: {@code jdbcUrl}, or the H2 file in {@code <dataDir>/bank/}. */
    public static BankDatabase openDatabase(GatewayConfig.Bank config, Path dataDir) {
        String url = config.jdbcUrl();
        if (url == null || url.isBlank()) {
            try {
                url = BankDatabase.h2FileUrl(Files.createDirectories(dataDir.resolve("bank")));
            } catch (java.io.IOException e) {
                throw new StartupException("cannot create the bank's directory in " + dataDir + ": " + e, e);
            }
        }
        return BankDatabase.open(url, config.user(), config.password(), 6);
    }

    static JdbcMessageBank.Settings settings(GatewayConfig.Bank config) {
        List<AutoResendRule> auto = config.autoResend().stream().map(r -> new AutoResendRule(r.name(), r.cpaId(),
                r.service(), r.action(), r.partner(), r.after(), r.maxResends())).toList();
        List<RetentionRule> retention = config.retention().stream().map(r -> new RetentionRule(r.name(), r.cpaId(),
                r.partner(), r.keepFor(), r.keep())).toList();
        return new JdbcMessageBank.Settings(config.staleNodeAfter(), config.workLease(),
                new RetentionRules(retention), auto);
    }

    private void housekeep() {
        try {
            int resent = bank.autoResendOnce(AUTO_RESENDS_PER_RULE);
            int purged = bank.purgeOnce(PURGES_PER_ROUND);
            if (resent + purged > 0) {
                LOG.info("bank housekeeping: {} automatic resend request(s), {} message(s) purged", resent, purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("bank housekeeping failed: {}", e.toString());
        }
    }

    public JdbcMessageBank bank() {
        return bank;
    }

    public BankApi api() {
        return api;
    }

    /** The portal: users, sessions, and its pages to publish at {@link PortalPages#PREFIX}. */
    public Portal portal() {
        return portal;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        database.close();
    }
}
