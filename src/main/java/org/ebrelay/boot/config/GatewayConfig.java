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
                            Delivery delivery, Notifications notifications, Pacing pacing, Tls tls,
                            Access access) {

    public static GatewayConfig defaults() {
        return new GatewayConfig(Node.defaults(), Http.defaults(), Storage.defaults(), Cpa.defaults(),
                Reliability.defaults(), Delivery.defaults(), Notifications.defaults(), Pacing.defaults(),
                Tls.defaults(), Access.defaults());
    }

    /** Without notification, pacing, TLS and access settings: their defaults. */
    public GatewayConfig(Node node, Http http, Storage storage, Cpa cpa, Reliability reliability, Delivery delivery) {
        this(node, http, storage, cpa, reliability, delivery, Notifications.defaults(), Pacing.defaults(),
                Tls.defaults(), Access.defaults());
    }

    /** Without TLS and access settings: their defaults. */
    public GatewayConfig(Node node, Http http, Storage storage, Cpa cpa, Reliability reliability, Delivery delivery,
                         Notifications notifications, Pacing pacing) {
        this(node, http, storage, cpa, reliability, delivery, notifications, pacing, Tls.defaults(),
                Access.defaults());
    }

    /** The same configuration with other pacing settings. */
    public GatewayConfig withPacing(Pacing changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, notifications, changed, tls, access);
    }

    /** The same configuration with other notification settings. */
    public GatewayConfig withNotifications(Notifications changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, changed, pacing, tls, access);
    }

    /** The same configuration with other TLS settings. */
    public GatewayConfig withTls(Tls changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, notifications, pacing, changed,
                access);
    }

    /** The same configuration with other API access settings. */
    public GatewayConfig withAccess(Access changed) {
        return new GatewayConfig(node, http, storage, cpa, reliability, delivery, notifications, pacing, tls,
                changed);
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
     * @param jdbcUrl    overrides the embedded H2 database (another file, or PostgreSQL in the scale-out issue)
     * @param durability {@code commit}: every commit is on disk before it is acknowledged (survives kill -9);
     *                   {@code fsync}: also synced to the device after each group commit (survives power loss)
     */
    public record Storage(Path dataDir, String jdbcUrl, String durability) {
        public static Storage defaults() {
            return new Storage(Path.of("data"), null, "commit");
        }
    }

    /** @param dir the folder whose *.xml files are the CPAs this node serves */
    public record Cpa(Path dir) {
        public static Cpa defaults() {
            return new Cpa(Path.of("cpa"));
        }
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

    /** @param webhooks push deliveries to these URLs (optional; the REST inbox always works) */
    public record Delivery(List<Webhook> webhooks) {
        public static Delivery defaults() {
            return new Delivery(List.of());
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
