package org.ebrelay.adapter.tls;

import org.ebrelay.app.notify.AdminNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Looks at the node's key store once a day (and at start) and announces to the administrators every certificate
 * that expires within the warning period, or has expired: ahead of time, so a renewal is not an outage. The file is
 * read each time, so a renewed key store stops the announcements.
 */
public final class CertificateExpiryWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.tls");

    private final Path keyStore;
    private final String type;
    private final String password;
    private final Duration warning;
    private final Clock clock;
    private final Consumer<AdminNotice> announce;
    private ScheduledExecutorService timer;

    public CertificateExpiryWatch(Path keyStore, String type, String password, Duration warning, Clock clock,
                                  Consumer<AdminNotice> announce) {
        this.keyStore = keyStore;
        this.type = type;
        this.password = password;
        this.warning = warning;
        this.clock = clock;
        this.announce = announce;
    }

    /** Checks now and then every {@code interval} on a daemon thread. */
    public void start(Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ebrelay-certificate-expiry");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::checkQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("checking the key store {} for expiring certificates failed", keyStore, e);
        }
    }

    /** Announces the certificates that expire within the warning period; returns them (alias to expiry). */
    public Map<String, Instant> check() {
        Instant now = clock.instant();
        Map<String, Instant> expiring = expiringBy(now.plus(warning));
        if (expiring.isEmpty()) {
            return expiring;
        }
        List<AdminNotice.Example> lines = new ArrayList<>();
        expiring.forEach((alias, notAfter) -> {
            String detail = keyStore.getFileName() + " alias " + alias + ": "
                    + (notAfter.isAfter(now) ? "expires " : "EXPIRED ") + notAfter + " ("
                    + Duration.between(now, notAfter).toDays() + " days)";
            log.warn("TLS certificate {}", detail);
            lines.add(new AdminNotice.Example(null, null, null, detail, notAfter));
        });
        announce.accept(new AdminNotice(AdminNotice.Type.CERTIFICATE_EXPIRING, null, now, null, null, Map.of(),
                Map.of(), lines));
        return expiring;
    }

    /** Every certificate of every chain in the key store whose notAfter is before {@code limit}. */
    Map<String, Instant> expiringBy(Instant limit) {
        Map<String, Instant> found = new java.util.TreeMap<>();
        KeyStore store = load();
        try {
            for (String alias : Collections.list(store.aliases())) {
                Certificate[] chain = store.getCertificateChain(alias);
                Certificate[] certificates = chain != null ? chain : new Certificate[]{store.getCertificate(alias)};
                for (int i = 0; i < certificates.length; i++) {
                    if (certificates[i] instanceof X509Certificate x509
                            && x509.getNotAfter().toInstant().isBefore(limit)) {
                        found.put(i == 0 ? alias : alias + " (chain " + i + ": "
                                + x509.getSubjectX500Principal().getName() + ")", x509.getNotAfter().toInstant());
                    }
                }
            }
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("cannot list " + keyStore + ": " + e.getMessage(), e);
        }
        return found;
    }

    private KeyStore load() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
