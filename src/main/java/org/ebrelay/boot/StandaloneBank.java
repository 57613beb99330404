package org.ebrelay.boot;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.ebrelay.adapter.portal.PortalPages;
import org.ebrelay.boot.config.GatewayConfig;

/**
 * {@code ebrelay bank}: a Message Bank of its own, fed by many nodes over HTTP ({@code /bank/api} on
 * {@code bank.host}:{@code bank.port}); it never calls a node. Served by CXF's own Jetty transport.
 */
public final class StandaloneBank implements AutoCloseable {
    private final BankHost host;
    private final Bus bus;
    private final Server server;
    private final Server pages;
    private final URI baseUri;

    private StandaloneBank(BankHost host, Bus bus, Server server, Server pages, URI baseUri) {
        this.host = host;
        this.pages = pages;
        this.bus = bus;
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
        Bus bus = BusFactory.newInstance().createBus();
        try {
            URI base = URI.create("http://" + bank.host() + ":" + bank.port());
            Server server = host.api().mount(bus, base + org.ebrelay.adapter.bank.rest.BankApi.PREFIX);
            Server pages = host.portal().mountPages(bus, base + PortalPages.PREFIX);
            return new StandaloneBank(host, bus, server, pages, base);
        } catch (RuntimeException e) {
            bus.shutdown(true);
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
            pages.destroy();
            server.destroy();
        } finally {
            bus.shutdown(true);
            host.close();
        }
    }
}
