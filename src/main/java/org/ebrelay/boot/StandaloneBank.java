package org.ebrelay.boot;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.ebrelay.adapter.http.BankWebServer;
import org.ebrelay.adapter.portal.PortalPages;
import org.ebrelay.boot.config.GatewayConfig;

/**
 * {@code ebrelay bank}: a Message Bank of its own, fed by many nodes over HTTP ({@code /bank/api} on
 * {@code bank.host}:{@code bank.port}) and the portal at {@code /bank/}; it never calls a node.
 */
public final class StandaloneBank implements AutoCloseable {
    private final BankHost host;
    private final BankWebServer server;
    private final URI baseUri;

    private StandaloneBank(BankHost host, BankWebServer server, URI baseUri) {
        this.host = host;
        this.server = server;
        this.baseUri = baseUri;
    }

    public static StandaloneBank start(GatewayConfig config, Clock clock) {
        GatewayConfig.Bank bank = config.bank();
        try {
            Files.createDirectories(config.storage().dataDir());
        } catch (java.io.IOException e) {
            throw new StartupException("cannot create the data directory " + config.storage().dataDir(), e);
        }
        BankHost host = BankHost.start(bank, config.portal(), config.storage().dataDir(), clock,
                config.http().maxMessageBytes());
        try {
            URI base = URI.create("http://" + bank.host() + ":" + bank.port());
            BankWebServer server = new BankWebServer(bank.host(), bank.port());
            server.addRestApplication(org.ebrelay.adapter.bank.rest.BankApi.PREFIX, host.api().resources(),
                    host.api().providers());
            server.addRestApplication(PortalPages.PREFIX, List.of(host.portal().pages()), List.of());
            server.start();
            return new StandaloneBank(host, server, base);
        } catch (Exception e) {
            host.close();
            throw new StartupException("the bank did not start on " + bank.host() + ":" + bank.port() + ": "
                    + e.getMessage(), e);
        }
    }

    /** e.g. http://127.0.0.1:8090 (the API is under /bank/api). */
    public URI baseUri() {
        return baseUri;
    }

    public BankHost host() {
        return host;
    }

    /** Where the data lives, for the banner. */
    public static Path bankDir(GatewayConfig config) {
        return config.storage().dataDir().resolve("bank");
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            host.close();
        }
    }
}
