package org.ebrelay.adapter.tls;

import org.eclipse.jetty.util.ssl.KeyStoreScanner;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's two Jetty TLS factories, made from {@link TlsSettings}: the HTTPS endpoint's (client certificates asked
 * for as configured) and the outbound client's (the node's certificate as client certificate, hostname
 * verification). Each watches its key store file when a reload interval is set: a renewed key store replaces the
 * key and certificate for new connections without a restart (Jetty's {@link KeyStoreScanner}).
 */
public final class TlsContexts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.tls");

    private final TlsSettings settings;
    private final SslContextFactory.Server server;
    private final SslContextFactory.Client client;
    private final List<KeyStoreScanner> scanners = new ArrayList<>();

    private TlsContexts(TlsSettings settings) {
        this.settings = settings;
        this.server = settings.serverEnabled() ? server(settings) : null;
        this.client = settings.keyStore() != null || settings.trustStore() != null ? client(settings) : null;
    }

    public static TlsContexts of(TlsSettings settings) {
        return new TlsContexts(settings);
    }

    /** The HTTPS endpoint's factory, or null for plain HTTP. */
    public SslContextFactory.Server server() {
        return server;
    }

    /** The outbound client's factory, or null for the JDK's default trust and no client certificate. */
    public SslContextFactory.Client client() {
        return client;
    }

    /** Starts watching the key store for renewals; call once the factories are started (server and client). */
    public void watchForRenewals() throws Exception {
        long seconds = settings.reloadInterval().toSeconds();
        if (seconds <= 0 || settings.keyStore() == null) {
            return;
        }
        for (SslContextFactory factory : new SslContextFactory[]{server, client}) {
            if (factory != null) {
                KeyStoreScanner scanner = new KeyStoreScanner(factory);
                scanner.setScanInterval((int) Math.min(Integer.MAX_VALUE, seconds));
                scanner.start();
                scanners.add(scanner);
            }
        }
        log.info("watching {} for a renewed key or certificate every {} s", settings.keyStore(), seconds);
    }

    /** Reloads the key and trust stores now (what the watcher does when the file changes). */
    public void reload() throws Exception {
        for (SslContextFactory factory : new SslContextFactory[]{server, client}) {
            if (factory != null) {
                factory.reload(f -> { });
            }
        }
    }

    @Override
    public void close() throws Exception {
        for (KeyStoreScanner scanner : scanners) {
            scanner.stop();
        }
        scanners.clear();
    }

    private static SslContextFactory.Server server(TlsSettings s) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        stores(factory, s);
        factory.setWantClientAuth(s.clientAuth() == TlsSettings.ClientAuth.WANT);
        factory.setNeedClientAuth(s.clientAuth() == TlsSettings.ClientAuth.NEED);
        return factory;
    }

    private static SslContextFactory.Client client(TlsSettings s) {
        SslContextFactory.Client factory = new SslContextFactory.Client();
        stores(factory, s);
        // Jetty's client checks the host name by default ("HTTPS"); turning it off is an explicit choice.
        factory.setEndpointIdentificationAlgorithm(s.hostnameVerification() ? "HTTPS" : null);
        return factory;
    }

    private static void stores(SslContextFactory factory, TlsSettings s) {
        if (s.keyStore() != null) {
            factory.setKeyStorePath(path(s.keyStore()));
            factory.setKeyStoreType(s.keyStoreType());
            factory.setKeyStorePassword(s.keyStorePassword());
        }
        if (s.trustStore() != null) {
            factory.setTrustStorePath(path(s.trustStore()));
            factory.setTrustStoreType(s.keyStoreType());
            factory.setTrustStorePassword(s.trustStorePassword());
        }
        if (s.revocation() != TlsSettings.Revocation.NONE) {
            factory.setValidatePeerCerts(true);
            factory.setEnableOCSP(s.revocation().ocsp());
            factory.setEnableCRLDP(s.revocation().crl() && s.crlFile() == null);
            if (s.revocation().crl() && s.crlFile() != null) {
                factory.setCrlPath(path(s.crlFile()));
            }
        }
    }

    private static String path(Path file) {
        return file.toAbsolutePath().toString();
    }
}
