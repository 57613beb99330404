package org.ebrelay.boot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ebrelay.app.inbound.ReceiveSettings;

/**
 * The configuration of one gateway node: one typed record, every key with its default next to it, validated
 * once at start-up ({@link ConfigValidation}) and passed to the parts by their constructors.
 * The file form is {@code conf/ebrelay.yaml}; every key is listed in docs/configuration.md.
 */
public record GatewayConfig(Node node, Http http, Storage storage, Cpa cpa, Reliability reliability,
                            Delivery delivery, Notifications notifications, Pacing pacing, Mllp mllp, Bank bank,
                            Cluster cluster, Portal portal, Signing signing, Tls tls, Access access) {

    public static GatewayConfig defaults() {
        return new GatewayConfig(Node.defaults(), Http.defaults(), Storage.defaults(), Cpa.defaults(),
                Reliability.defaults(), Delivery.defaults(), Notifications.defaults(), Pacing.defaults(),
                Mllp.defaults(), Bank.defaults(), Cluster.defaults(), Portal.defaults(), Signing.defaults(),
                Tls.defaults(), Access.defaults());
    }

    /** Only the first six sections; the others get their defaults. */
    public GatewayConfig(Node node, Http http, Storage storage, Cpa cpa, Reliability reliability, Delivery delivery) {
        this(node, http, storage, cpa, reliability, delivery, Notifications.defaults(), Pacing.defaults(),
                Mllp.defaults(), Bank.defaults(), Cluster.defaults(), Portal.defaults(), Signing.defaults(),
                Tls.defaults(), Access.defaults());
    }

    /** Only the first eight sections; the others get their defaults. */
    public GatewayConfig(Node node, Http http, Storage storage, Cpa cpa, Reliability reliability, Delivery delivery,
                         Notifications notifications, Pacing pacing) {
        this(node, http, storage, cpa, reliability, delivery, notifications, pacing, Mllp.defaults(), Bank.defaults(),
                Cluster.defaults(), Portal.defaults(), Signing.defaults(), Tls.defaults(), Access.defaults());
    }

    /** The same configuration with other node settings. */
    public GatewayConfig withNode(Node changed) {
        return new GatewayConfig(changed, http, storage, cpa, reliability, delivery, notifications, pacing, mllp,
                bank, cluster, portal, signing, tls, access);
    }

    /** The same configuration with other http settings. */
    public GatewayConfig withHttp(Http changed) {
        return new GatewayConfig(node, changed, storage, cpa, reliability, delivery, notifications, pacing, mllp,
                bank, cluster, portal, signing, tls, access);
    }

    /** The same configuration with other storage settings. */
    public GatewayConfig withStorage(Storage changed) {
        return new GatewayConfig(node, http, changed, cpa, reliability, delivery, notifications, pacing, mllp, bank,
                cluster, portal, signing, tls, access);
    }

    /** The same configuration with other cpa settings. */
    public GatewayConfig withCpa(Cpa changed) {
        return new GatewayConfig(node, http, storage, changed, reliability, delivery, notifications, pacing, mllp,
                bank, cluster, portal, signing, tls, access);
    }

    /** The same configuration with other reliability settings. */
    public GatewayConfig withReliability(Reliability changed) {
        return new GatewayConfig(node, http, storage, cpa, changed, delivery, notifications, pacing, mllp, bank,
                cluster, portal, signing, tls, access);
    }

    /** The same configuration with other delivery settings. */
    public GatewayConfig withDelivery(Delivery changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, changed, notifications, pacing, mllp, bank,
                cluster, portal, signing, tls, access);
    }

    /** The same configuration with other notifications settings. */
    public GatewayConfig withNotifications(Notifications changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, changed, pacing, mllp, bank,
                cluster, portal, signing, tls, access);
    }

    /** The same configuration with other pacing settings. */
    public GatewayConfig withPacing(Pacing changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, notifications, changed, mllp, bank,
                cluster, portal, signing, tls, access);
    }

    /** The same configuration with other mllp settings. */
    public GatewayConfig withMllp(Mllp changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, notifications, pacing, changed,
                bank, cluster, portal, signing, tls, access);
    }

    /** The same configuration with other bank settings. */
    public GatewayConfig withBank(Bank changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, notifications, pacing, mllp,
                changed, cluster, portal, signing, tls, access);
    }

    /** The same configuration with other cluster settings. */
    public GatewayConfig withCluster(Cluster changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, notifications, pacing, mllp, bank,
                changed, portal, signing, tls, access);
    }

    /** The same configuration with other portal settings. */
    public GatewayConfig withPortal(Portal changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, notifications, pacing, mllp, bank,
                cluster, changed, signing, tls, access);
    }

    /** The same configuration with other signing settings. */
    public GatewayConfig withSigning(Signing changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, notifications, pacing, mllp, bank,
                cluster, portal, changed, tls, access);
    }

    /** The same configuration with other tls settings. */
    public GatewayConfig withTls(Tls changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, notifications, pacing, mllp, bank,
                cluster, portal, signing, changed, access);
    }

    /** The same configuration with other access settings. */
    public GatewayConfig withAccess(Access changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, notifications, pacing, mllp, bank,
                cluster, portal, signing, tls, changed);
    }

    /** The same configuration with another data directory (and the embedded database in it). */
    public GatewayConfig withStorage(Path dataDir) {
        return withStorage(storage.withDataDir(dataDir));
    }

    /**
     * The Message Bank portal's sign-in and sessions (docs/portal.md).
     *
     * @param sessionIdleTimeout a session ends this long after its last request
     * @param sessionMaxAge      and at the latest this long after sign-in
     * @param maxFailedSignIns   wrong passwords in a row that lock an account (0: never locked)
     * @param lockout            how long a locked account refuses sign-in
     * @param minPasswordLength  shortest password accepted (at least 8)
     * @param passwordCost       bcrypt cost (log2 of the work, 10-31); hashes made with less are renewed at sign-in
     */
    public record Portal(Duration sessionIdleTimeout, Duration sessionMaxAge, int maxFailedSignIns, Duration lockout,
                         int minPasswordLength, int passwordCost) {
        public static Portal defaults() {
            return new Portal(Duration.ofMinutes(30), Duration.ofHours(12), 5, Duration.ofMinutes(15), 10, 12);
        }
    }

    /**
     * The Message Bank (docs/message-bank.md).
     *
     * @param enabled        ship this node's messages and events to a bank (in-node unless {@code url} is set)
     * @param url            a standalone bank ({@code ebrelay bank}) to ship to over HTTP; null: the node hosts
     *                       its own bank (its database in {@code <dataDir>/bank/}, its API under /bank/api)
     * @param token          sent as a bearer token to the standalone bank, or null
     * @param jdbcUrl        the hosted bank's database (null: an H2 file under the data directory)
     * @param host           where {@code ebrelay bank} listens
     * @param port           the port {@code ebrelay bank} listens on
     * @param shipInterval   pause between shipping runs
     * @param batchSize      events per shipped batch
     * @param gapWait        how long a hole in the event sequence holds back the events after it
     * @param staleNodeAfter a node not heard from for this long is stale: its unfinished messages count as stuck
     * @param workLease      a resend handed to a node is handed out again if not answered by then
     * @param housekeepingInterval how often the bank runs automatic resend and retention
     * @param autoResend     automatic-resend rules
     * @param retention      retention rules (no rule: kept)
     */
    public record Bank(boolean enabled, String url, String token, String jdbcUrl, String user, String password,
                       String host, int port, Duration shipInterval, int batchSize, Duration gapWait,
                       Duration staleNodeAfter, Duration workLease, Duration housekeepingInterval,
                       List<AutoResend> autoResend, List<Retention> retention) {
        public static Bank defaults() {
            return new Bank(true, null, null, null, "sa", "", "127.0.0.1", 8090, Duration.ofSeconds(1), 500,
                    Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(30),
                    List.of(), List.of());
        }

        /** The same settings, the node not shipping anywhere. */
        public Bank off() {
            return new Bank(false, url, token, jdbcUrl, user, password, host, port, shipInterval, batchSize, gapWait,
                    staleNodeAfter, workLease, housekeepingInterval, autoResend, retention);
        }

        /** The same settings, shipping to the standalone bank at {@code bankUrl}. */
        public Bank shippingTo(String bankUrl) {
            return new Bank(true, bankUrl, token, jdbcUrl, user, password, host, port, shipInterval, batchSize,
                    gapWait, staleNodeAfter, workLease, housekeepingInterval, autoResend, retention);
        }
    }

    /** An automatic-resend rule; selectors left out (null) match any. {@code partner}: TYPE:VALUE or VALUE. */
    public record AutoResend(String name, String cpaId, String service, String action, String partner,
                             Duration after, int maxResends) {
    }

    /** A retention rule; {@code keep: true} keeps matching messages for good (where the law requires it). */
    public record Retention(String name, String cpaId, String partner, Duration keepFor, boolean keep) {
    }

    /**
     * XML signatures (issue 6; docs/security.md). Signatures of received messages are checked against the CPA's
     * certificates whether or not a keystore is set; signing needs one.
     *
     * @param keystore         keystore file with our signing keys (PKCS12 or JKS), or null: this node signs nothing,
     *                         and a submission whose CPA asks for a signature is refused. Each key is found by the
     *                         certificate the CPA names (SigningCertificateRef), so no alias is configured
     * @param keystoreType     PKCS12 or JKS
     * @param keystorePassword the keystore's (and its keys') password; {@code env:NAME} reads it from the environment
     * @param allowRsaSha1     whether legacy rsa-sha1 signatures are made and accepted where a CPA names them
     * @param reloadInterval   how often the keystore file is looked at for renewed keys (PT0S: never); a renewed
     *                         file that loads is taken into use for the next signature, a broken one is reported
     * @param provider         who computes our RSA signatures: {@code auto} (AWS-LC where its native library
     *                         loads, else the JDK), {@code jdk}, or {@code native} (AWS-LC or no start)
     */
    public record Signing(Path keystore, String keystoreType, String keystorePassword, boolean allowRsaSha1,
                          Duration reloadInterval, String provider) {
        public static Signing defaults() {
            return new Signing(null, "PKCS12", null, false, Duration.ofMinutes(1), "auto");
        }

        /** Looked at for renewals every minute. */
        public Signing(Path keystore, String keystoreType, String keystorePassword, boolean allowRsaSha1) {
            this(keystore, keystoreType, keystorePassword, allowRsaSha1, Duration.ofMinutes(1), "auto");
        }

        public Signing {
            reloadInterval = reloadInterval == null ? Duration.ofMinutes(1) : reloadInterval;
            provider = provider == null ? "auto" : provider;
            if (!List.of("auto", "jdk", "native").contains(provider)) {
                throw new IllegalArgumentException("signing.provider must be auto, jdk or native, not " + provider);
            }
        }

        /** The password, read from the environment for {@code env:NAME}; empty when none is set. */
        public char[] password() {
            if (keystorePassword == null) {
                return new char[0];
            }
            if (keystorePassword.startsWith("env:")) {
                String value = System.getenv(keystorePassword.substring(4));
                return value == null ? new char[0] : value.toCharArray();
            }
            return keystorePassword.toCharArray();
        }
    }

    /**
     * @param id      the node's stable id; null: generated once and kept in {@code <dataDir>/node-id}
     * @param parties the parties this node acts for, as {@code TYPE:VALUE} (split at the last colon; an untyped
     *                PartyId is written {@code :VALUE}); empty: every party of the loaded CPAs that is not only a partner
     */
    public record Node(String id, List<String> parties) {
        public static Node defaults() {
            return new Node(null, List.of());
        }
    }

    /**
     * @param host            the address to listen on (default loopback: expose it deliberately)
     * @param port            serves /ebms, /api, /soap, /health and /metrics (0: an ephemeral port)
     * @param adminPort       when set, /api and /soap move to this port (on the same host)
     * @param maxMessageBytes the largest ebMS request accepted (413 above it)
     * @param connectTimeout  outbound connect timeout
     * @param responseTimeout how long an outbound attempt waits for the partner's HTTP response
     * @param proxy           outbound HTTP proxy, or null for direct connections
     * @param schemaValidation also validate every received SOAP envelope against the ebMS XSDs (about 0.3 ms per
     *                        message); off, the decoder's own checks of every field the MSH reads still apply
     */
    public record Http(String host, int port, Integer adminPort, long maxMessageBytes, Duration connectTimeout,
                       Duration responseTimeout, Proxy proxy, boolean schemaValidation) {
        public static Http defaults() {
            return new Http("127.0.0.1", 8080, null, 20L * 1024 * 1024, Duration.ofSeconds(5),
                    Duration.ofSeconds(30), null, false);
        }
    }

    /** @param nonProxyHosts host names (or {@code *.suffix} patterns) reached directly */
    public record Proxy(String host, int port, List<String> nonProxyHosts) {
    }

    /**
     * @param dataDir    the node's data directory (H2 database, node id)
     * @param jdbcUrl    overrides the embedded H2 database: another H2 file, or PostgreSQL
     *                   ({@code jdbc:postgresql://host:5432/ebrelay}), the shared store of a cluster
     * @param durability {@code commit}: every commit is on disk before it is acknowledged (survives kill -9);
     *                   {@code fsync}: also synced to the device after each group commit (survives power loss)
     * @param user       the database user (H2's default {@code sa} when null)
     * @param password   the database password (empty when null)
     * @param poolSize   connections this node keeps open to the database (readers, Quartz, the writer)
     */
    public record Storage(Path dataDir, String jdbcUrl, String durability, String user, String password,
                          int poolSize) {
        public static final int DEFAULT_POOL_SIZE = 10;

        public static Storage defaults() {
            return new Storage(Path.of("data"), null, "commit");
        }

        /** Default user, password and pool size. */
        public Storage(Path dataDir, String jdbcUrl, String durability) {
            this(dataDir, jdbcUrl, durability, null, null, DEFAULT_POOL_SIZE);
        }

        public Storage withDataDir(Path changed) {
            return new Storage(changed, jdbcUrl, durability, user, password, poolSize);
        }

        public Storage withJdbcUrl(String url, String newUser, String newPassword) {
            return new Storage(dataDir, url, durability, newUser, newPassword, poolSize);
        }
    }

    /**
     * Several nodes sharing one PostgreSQL database (docs/deployment.md).
     *
     * @param enabled         Quartz runs clustered: the shared periodic work (webhook pushes, purges) runs on one
     *                        node at a time, and a dead node's is taken over; each node still claims due messages
     *                        itself. Every node of a cluster needs the same {@code storage.jdbcUrl} and its own node id
     * @param checkinInterval how often a node tells the Quartz cluster it is alive (a silent node's work is taken
     *                        over after about this long)
     */
    public record Cluster(boolean enabled, Duration checkinInterval) {
        public static Cluster defaults() {
            return new Cluster(false, Duration.ofSeconds(5));
        }
    }

    /**
     * The CPAs (docs/cpa-administration.md).
     *
     * @param dir               the folder whose *.xml files are the CPAs this node serves
     * @param watchInterval     how often the folder is looked at for edits (PT0S: only on {@code cpa reload})
     * @param expiryWarning     administrators are warned this long before a CPA's End or a certificate's expiry
     * @param endpointOverrides partner endpoint URLs mapped to others without editing the CPA (read at start-up)
     * @param endpointOverridesFile a file of more such mappings, looked at with the CPA folder and taken into use
     *                          without a restart (null: none)
     */
    public record Cpa(Path dir, Duration watchInterval, Duration expiryWarning,
                      List<EndpointOverride> endpointOverrides, Path endpointOverridesFile) {
        public static Cpa defaults() {
            return new Cpa(Path.of("cpa"));
        }

        /** The folder, with the default watch, warning and no overrides. */
        public Cpa(Path dir) {
            this(dir, Duration.ofSeconds(2), Duration.ofDays(30), List.of());
        }

        /** Without an overrides file. */
        public Cpa(Path dir, Duration watchInterval, Duration expiryWarning, List<EndpointOverride> endpointOverrides) {
            this(dir, watchInterval, expiryWarning, endpointOverrides, null);
        }

        public Cpa withDir(Path folder) {
            return new Cpa(folder, watchInterval, expiryWarning, endpointOverrides, endpointOverridesFile);
        }

        public Cpa withEndpointOverrides(List<EndpointOverride> overrides) {
            return new Cpa(dir, watchInterval, expiryWarning, overrides, endpointOverridesFile);
        }

        public Cpa withEndpointOverridesFile(Path file) {
            return new Cpa(dir, watchInterval, expiryWarning, endpointOverrides, file);
        }

        public Cpa withWatch(Duration interval, Duration warning) {
            return new Cpa(dir, interval, warning, endpointOverrides, endpointOverridesFile);
        }
    }

    /** @param cpaId only in this CPA (null: in every CPA); @param from the URL the CPA names; @param to where to send */
    public record EndpointOverride(String cpaId, String from, String to) {
    }

    /**
     * @param sweepInterval    how often the scheduler looks for due messages (the database row is the truth)
     * @param claimLease       how long a node's claim on a message lasts before another node may take it over
     * @param ttlSafetyMargin  TimeToLive = Timestamp + PersistDuration - this margin, so a same-id resend never
     *                         arrives expired
     * @param slowRetry        slow retry after the CPA's retries (issue 4), for every route unless overridden
     * @param slowRetryOverrides slow-retry keys for some CPAs, services/actions or partners (most specific wins)
     * @param regenerationMargin a message goes out under a new MessageId once now + this margin reaches its current
     *                         id's Timestamp + PersistDuration (capped at PersistDuration / 10)
     * @param multiHop         routes through an intermediary: no slow retry (also recognised from the CPA)
     * @param hl7DuplicateWindow how long a received HL7 id is remembered per CPA and From party, so that a resend
     *                         under a new MessageId is acknowledged and not delivered again (PT0S: off)
     */
    public record Reliability(Duration sweepInterval, Duration claimLease, Duration ttlSafetyMargin,
                              SlowRetry slowRetry, List<SlowRetryOverride> slowRetryOverrides,
                              Duration regenerationMargin, List<MultiHop> multiHop, Duration hl7DuplicateWindow) {
        public static Reliability defaults() {
            return new Reliability(Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofMinutes(1),
                    SlowRetry.defaults(), List.of(), Duration.ofMinutes(5), List.of(),
                    ReceiveSettings.DEFAULT_HL7_DUPLICATE_WINDOW);
        }

        public Reliability withSlowRetry(SlowRetry settings, Duration margin) {
            return new Reliability(sweepInterval, claimLease, ttlSafetyMargin, settings, slowRetryOverrides, margin,
                    multiHop, hl7DuplicateWindow);
        }
    }

    /**
     * @param maxAttempts wake-ups at most (null or 0: no limit by count)
     * @param maxAge      the last wake-up starts at most this long after submission (null or PT0S: no limit by age)
     */
    public record SlowRetry(boolean enabled, Duration firstInterval, double multiplier, Duration maxInterval,
                            Integer maxAttempts, Duration maxAge) {
        public static SlowRetry defaults() {
            return new SlowRetry(true, Duration.ofMinutes(15), 2.0, Duration.ofHours(4), null, Duration.ofDays(5));
        }
    }

    /** Slow-retry keys for the routes every given selector matches; unset keys are inherited. */
    public record SlowRetryOverride(String cpaId, String service, String action, String party, Boolean enabled,
                                    Duration firstInterval, Double multiplier, Duration maxInterval,
                                    Integer maxAttempts, Duration maxAge) {
    }

    /** @param cpaId null: any CPA; @param party TYPE:VALUE or VALUE, null: any partner */
    public record MultiHop(String cpaId, String party) {
    }

    /**
     * Per-partner pacing of sends (the partner is the endpoint URL messages are posted to).
     *
     * @param maxConcurrentPerPartner sends under way to one partner at once
     * @param ratePerSecond           sends started per second per partner at most; 0: no rate limit
     * @param burst                   sends that may start at once after a quiet period (with a rate)
     * @param breaker                 the circuit breaker
     * @param partners                overrides for some partners, by endpoint URL
     */
    public record Pacing(int maxConcurrentPerPartner, double ratePerSecond, int burst, Breaker breaker,
                         List<PartnerPacing> partners) {
        public static Pacing defaults() {
            return new Pacing(64, 0, 100, new Breaker(5, Duration.ofSeconds(5), Duration.ofMinutes(1)), List.of());
        }
    }

    /**
     * @param failureThreshold retryable failures in a row that open the circuit (0: no breaker)
     * @param openFor          the first cool-down before one probe message is let through
     * @param maxOpenFor       the cool-down doubles after each failed probe, up to this
     */
    public record Breaker(int failureThreshold, Duration openFor, Duration maxOpenFor) {
    }

    /** One partner's pacing: a key left out (null) keeps the general value. */
    public record PartnerPacing(String endpoint, Integer maxConcurrentPerPartner, Double ratePerSecond, Integer burst,
                                BreakerOverride breaker) {
    }

    /** A partner's breaker settings: a key left out (null) keeps the general value. */
    public record BreakerOverride(Integer failureThreshold, Duration openFor, Duration maxOpenFor) {
    }

    /**
     * @param webhooks push deliveries to these URLs (optional; the REST inbox always works)
     * @param ordering limits of ordered delivery (eb:MessageOrder) on receipt
     */
    public record Delivery(List<Webhook> webhooks, Ordering ordering) {
        public static Delivery defaults() {
            return new Delivery(List.of(), Ordering.defaults());
        }

        /** These webhooks, the default ordering limits. */
        public Delivery(List<Webhook> webhooks) {
            this(webhooks, Ordering.defaults());
        }
    }

    /**
     * Ordered delivery on receipt (docs/reliability.md, "Ordered delivery"): messages behind a missing SequenceNumber
     * are held; past either limit the administrators are told (once per gap), and the messages stay held.
     *
     * @param maxHeldPerConversation held messages behind one gap before the notice
     * @param maxGapWait             how long the oldest held message waits before the notice
     */
    public record Ordering(int maxHeldPerConversation, Duration maxGapWait) {
        public static Ordering defaults() {
            return new Ordering(100, Duration.ofMinutes(10));
        }
    }

    /**
     * A push of received messages to an application URL, with its own retries.
     *
     * @param cpaId   only messages under this CPA (null: any)
     * @param service only this service value (null: any)
     * @param action  only this action (null: any)
     */
    public record Webhook(String cpaId, String service, String action, String url, int retries,
                          Duration retryInterval) {
    }

    /**
     * Failure notices (docs/notifications.md): to the application (stored, pulled at /api/notices, pushed to the
     * matching delivery webhook) and to administrators (e-mail, webhook) with storm control.
     *
     * @param digestInterval     at most one digest per partner this often while failures go on
     * @param promptDelay        the first notice of an outage or of a new kind waits this long, so events of the
     *                           same moment go in one notice
     * @param examplesPerKind    message ids shown per kind of event in one administrator notice
     * @param pushToApplication  push application notices to the delivery webhook matching the message (else pull only)
     * @param smtp               the SMTP server for administrator e-mail
     * @param adminEmail         who gets administrator e-mail (none when {@code to} is empty)
     * @param adminWebhook       a URL that gets administrator notices as JSON (none when null)
     */
    public record Notifications(Duration digestInterval, Duration promptDelay, int examplesPerKind,
                                boolean pushToApplication, Smtp smtp, AdminEmail adminEmail,
                                AdminWebhook adminWebhook) {
        public static Notifications defaults() {
            return new Notifications(Duration.ofMinutes(15), Duration.ofSeconds(5), 5, true, Smtp.defaults(),
                    AdminEmail.defaults(), AdminWebhook.defaults());
        }
    }

    /**
     * @param host     null: no e-mail
     * @param username null: no authentication
     * @param starttls require STARTTLS on a plain connection
     * @param ssl      TLS from the start (SMTPS)
     */
    public record Smtp(String host, int port, String username, String password, boolean starttls, boolean ssl,
                       Duration timeout) {
        public static Smtp defaults() {
            return new Smtp(null, 25, null, null, false, false, Duration.ofSeconds(10));
        }
    }

    /** @param to recipients; empty: no administrator e-mail */
    public record AdminEmail(String from, List<String> to) {
        public static AdminEmail defaults() {
            return new AdminEmail(null, List.of());
        }
    }

    /** @param url null: no administrator webhook */
    public record AdminWebhook(String url) {
        public static AdminWebhook defaults() {
            return new AdminWebhook(null);
        }
    }

    /**
     * The MLLP bridge to local HL7 v2 systems (docs/hl7-mllp.md).
     *
     * @param charset         the charset of HL7 v2 messages whose MSH-18 is empty
     * @param connectTimeout  connecting to a local MLLP destination
     * @param responseTimeout waiting for a local system's HL7 acknowledgment
     * @param listeners       MLLP ports local systems send to (none: no MLLP in)
     * @param routes          the routing table of MLLP in: the first route matching a message takes it
     * @param destinations    local systems that get received HL7 v2 messages (first match; none: no MLLP out)
     */
    public record Mllp(String charset, Duration connectTimeout, Duration responseTimeout,
                       List<MllpListener> listeners, List<MllpRoute> routes, List<MllpDestination> destinations) {
        public static Mllp defaults() {
            return new Mllp("UTF-8", Duration.ofSeconds(5), Duration.ofSeconds(30), List.of(), List.of(), List.of());
        }
    }

    /** @param host the address to listen on (null: 127.0.0.1); @param port 0: an ephemeral port */
    public record MllpListener(String host, int port) {
    }

    /**
     * One route of MLLP in. The matchers (null or {@code *}: any) compare MSH-3/4/5/6 (first component), MSH-9.1
     * and MSH-9.2; the message then goes under {@code cpaId} to {@code to} ({@code TYPE:VALUE}) with that action.
     *
     * @param from    our party (TYPE:VALUE), or null when the node acts for exactly one party of the CPA
     * @param service the service value, or null when the CPA has one service offering the action
     * @param ordered        an ordered feed (issue 8): every message goes under one ConversationId, which an ordered
     *                       CPA channel (MessageOrderSemantics Guaranteed) numbers, so the partner delivers in order
     * @param conversationId that ConversationId (null: {@code mllp-feed:<name>})
     * @param returnTo       the mllp.destinations entry the partner's HL7 answers to these messages go to (matched by
     *                       MSA-2, RefToMessageId, ConversationId), or null: answers take the ordinary delivery
     */
    public record MllpRoute(String name, String sendingApplication, String sendingFacility,
                            String receivingApplication, String receivingFacility, String messageType,
                            String triggerEvent, String cpaId, String from, String to, String serviceType,
                            String service, String action, Boolean ordered, String conversationId,
                            String returnTo) {
        /** An unordered route without a return destination: a new conversation per message. */
        public MllpRoute(String name, String sendingApplication, String sendingFacility,
                         String receivingApplication, String receivingFacility, String messageType,
                         String triggerEvent, String cpaId, String from, String to, String serviceType,
                         String service, String action) {
            this(name, sendingApplication, sendingFacility, receivingApplication, receivingFacility, messageType,
                    triggerEvent, cpaId, from, to, serviceType, service, action, null, null, null);
        }

        /** This route as an ordered feed under {@code conversation} (null: the default). */
        public MllpRoute asOrderedFeed(String conversation) {
            return new MllpRoute(name, sendingApplication, sendingFacility, receivingApplication, receivingFacility,
                    messageType, triggerEvent, cpaId, from, to, serviceType, service, action, true, conversation,
                    returnTo);
        }

        /** This route with the partner's HL7 answers sent to the destination {@code destination}. */
        public MllpRoute returningTo(String destination) {
            return new MllpRoute(name, sendingApplication, sendingFacility, receivingApplication, receivingFacility,
                    messageType, triggerEvent, cpaId, from, to, serviceType, service, action, ordered, conversationId,
                    destination);
        }
    }

    /**
     * A local MLLP system that gets received HL7 v2 messages: those matching every given selector (null: any).
     *
     * @param retries       sends after the first failed one (null: 10); then the message stays in the pull inbox
     * @param retryInterval the wait after a failed send (null: PT30S)
     * @param returnAcks    send the system's HL7 answer back to the partner (null: false)
     * @param ackAction     the eb:Action answers go back with (null: the delivered message's action)
     */
    public record MllpDestination(String name, String cpaId, String service, String action,
                                  String sendingApplication, String sendingFacility, String receivingApplication,
                                  String receivingFacility, String messageType, String triggerEvent, String host,
                                  int port, Integer retries, Duration retryInterval, Boolean returnAcks,
                                  String ackAction) {
        /** A destination whose answers are not sent back. */
        public MllpDestination(String name, String cpaId, String service, String action,
                               String sendingApplication, String sendingFacility, String receivingApplication,
                               String receivingFacility, String messageType, String triggerEvent, String host,
                               int port, Integer retries, Duration retryInterval) {
            this(name, cpaId, service, action, sendingApplication, sendingFacility, receivingApplication,
                    receivingFacility, messageType, triggerEvent, host, port, retries, retryInterval, null, null);
        }
    }

    /**
     * TLS for the ebMS endpoint and for outbound posts (docs/security.md, "TLS").
     *
     * @param enabled              the main port speaks HTTPS (needs a key store)
     * @param keyStore             the node's private key and certificate (PKCS12 or JKS): shown to partners as
     *                             server certificate and presented as client certificate when posting; null: none
     * @param keyStoreType         PKCS12 or JKS
     * @param trustStore           the partners' certificates or their CAs, for both directions; null: the JDK's
     *                             default CAs when posting, and no client certificate is asked for
     * @param clientAuth           {@code none}, {@code want} (asked, checked against the CPA where it names one)
     *                             or {@code need} (a connection without a trusted certificate is refused)
     * @param hostnameVerification a partner's server certificate must name the host posted to
     * @param revocation           {@code none}, {@code crl}, {@code ocsp} or {@code crl+ocsp}
     * @param crlFile              a CRL file used with {@code crl} (else the certificates' distribution points)
     * @param reloadInterval       how often the key store file is looked at for a renewal (PT0S: never)
     * @param expiryWarning        key store certificates that expire within this are announced to administrators
     */
    public record Tls(boolean enabled, Path keyStore, String keyStorePassword, String keyStoreType, Path trustStore,
                      String trustStorePassword, String clientAuth, boolean hostnameVerification, String revocation,
                      Path crlFile, Duration reloadInterval, Duration expiryWarning) {
        public static Tls defaults() {
            return new Tls(false, null, null, "PKCS12", null, null, "want", true, "none", null,
                    Duration.ofMinutes(1), Duration.ofDays(30));
        }
    }

    /**
     * Who may use /api and /soap (docs/security.md, "Access control").
     *
     * @param tokens    API tokens; empty: the APIs are open (only sensible on loopback)
     * @param adminHost the interface the admin port listens on (with http.adminPort)
     */
    public record Access(List<ApiToken> tokens, String adminHost) {
        public static Access defaults() {
            return new Access(List.of(), "127.0.0.1");
        }
    }

    /**
     * One application's API token, kept only as a hash.
     *
     * @param name   who uses it, for logs
     * @param sha256 the token's SHA-256 as hex ({@code ebrelay token hash} or {@code sha256sum})
     * @param role   {@code submit}, {@code read}, {@code operator} or {@code admin}
     */
    public record ApiToken(String name, String sha256, String role) {
    }
}
