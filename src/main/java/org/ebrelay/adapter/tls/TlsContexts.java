package org.ebrelay.adapter.tls;

import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's two Jetty TLS factories, made from {@link TlsSettings}: the HTTPS endpoint's (client certificates asked
 * for as configured) and the outbound client's (the node's certificate as client certificate, hostname
 * verification). Both take a renewed key store or trust store for new connections without a restart when a reload
 * interval is set ({@link StoreFileWatch}: a broken file leaves the ones in use in place).
 */
public final class TlsContexts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.tls");

    private final TlsSettings settings;
    private final SslContextFactory.Server server;
    private final SslContextFactory.Client client;
    private StoreFileWatch<Boolean> watch;

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

    /**
     * Starts watching the key and trust stores for renewals; call once the factories are started (server and
     * client). A renewed pair that loads (the key store with a private key) is taken into use for new connections;
     * a broken one leaves the stores in use in place and is reported ({@link #renewalProblem()}).
     */
    public void watchForRenewals() {
        List<Path> files = new ArrayList<>();
        if (settings.keyStore() != null) {
            files.add(settings.keyStore());
        }
        if (settings.trustStore() != null) {
            files.add(settings.trustStore());
        }
        if (files.isEmpty() || (server == null && client == null)) {
            return;
        }
        watch = new StoreFileWatch<>("TLS stores " + files, files, this::checkStores, ok -> reloadQuietly())
                .start(settings.reloadInterval());
    }

    /** Looks at the key and trust stores now (what the watcher does every interval); true when renewed. */
    public boolean checkForRenewal() {
        return watch != null && watch.checkNow();
    }

    /** Why the latest change of the stores was not taken into use, or null. */
    public String renewalProblem() {
        return watch == null ? null : watch.problem();
    }

    /** Reloads the key and trust stores now. */
    public void reload() throws Exception {
        for (SslContextFactory factory : new SslContextFactory[]{server, client}) {
            if (factory != null) {
                factory.reload(f -> { });
            }
        }
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (Exception e) {
            throw new IllegalStateException("reloading the TLS stores failed: " + e.getMessage(), e);
        }
    }

    /** Both stores read with their passwords; the key store must hold a private key. */
    private Boolean checkStores() throws Exception {
        if (settings.keyStore() != null) {
            KeyStore keys = read(settings.keyStore(), settings.keyStorePassword());
            boolean hasKey = false;
            for (String alias : Collections.list(keys.aliases())) {
                hasKey |= keys.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new GeneralSecurityException(settings.keyStore() + " holds no private key");
            }
        }
        if (settings.trustStore() != null) {
            read(settings.trustStore(), settings.trustStorePassword());
        }
        return Boolean.TRUE;
    }

    private KeyStore read(Path file, String password) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(settings.keyStoreType());
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        }
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
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
