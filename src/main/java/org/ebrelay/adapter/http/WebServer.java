package org.ebrelay.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The node's one HTTP server (Jetty 12): /ebms (lean handler), /health, /metrics, and CXF's REST (/api) and
 * SOAP (/soap) APIs, on the main port or, with an admin port, the APIs and /metrics on that one. Register
 * API resources and SOAP endpoints before {@link #start()}.
 */
public final class WebServer implements AutoCloseable {
    /** An ebMS body slower than this is dropped (EbmsHandler): far below any real link; an attack or a dead peer. */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final WebServerConfig config;
    private final EbmsEndpoint ebmsEndpoint;
    private final Supplier<Health> health;
    private final Supplier<String> metrics;
    private final CxfServices cxf = new CxfServices();
    private final Map<String, Handler> apiRoutes = new LinkedHashMap<>();
    private final ObjectMapper json = ApiJson.mapper();
    private Server server;
    private boolean started;
    private ServerConnector main;
    private ServerConnector admin;

    /**
     * @param metrics Prometheus text exposition, rendered on each scrape
     */
    public WebServer(WebServerConfig config, EbmsEndpoint ebmsEndpoint, Supplier<Health> health,
                     Supplier<String> metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.ebmsEndpoint = Objects.requireNonNull(ebmsEndpoint, "ebmsEndpoint");
        this.health = Objects.requireNonNull(health, "health");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public WebServer(WebServerConfig config, EbmsEndpoint ebmsEndpoint, Supplier<Health> health,
                     PrometheusMeterRegistry registry) {
        this(config, ebmsEndpoint, health, registry::scrape);
    }

    /** A JAX-RS resource (annotated object) served under /api; JSON via Jackson with java.time support. */
    public void addRestResource(Object resource) {
        requireNotStarted();
        cxf.addRestResource(Objects.requireNonNull(resource, "resource"));
    }

    /**
     * A lean API operation served by a Jetty handler instead of CXF (on the same listener as the rest of /api).
     *
     * @param method "POST"
     * @param path   the exact path, e.g. "/api/messages"
     */
    public void addApiRoute(String method, String path, Handler handler) {
        requireNotStarted();
        apiRoutes.put(method + " " + path, Objects.requireNonNull(handler, "handler"));
    }

    /** A JAX-RS provider for /api: exception mapper, request filter (access control comes this way). */
    public void addRestProvider(Object provider) {
        requireNotStarted();
        cxf.addRestProvider(Objects.requireNonNull(provider, "provider"));
    }

    /**
     * A further REST application under {@code prefix} (e.g. {@code /bank/api}), with its own providers (JSON
     * included); served where /api is served.
     */
    public void addRestApplication(String prefix, java.util.List<Object> resources, java.util.List<Object> providers) {
        requireNotStarted();
        cxf.addRestApplication(Objects.requireNonNull(prefix, "prefix"), resources, providers);
    }

    /**
     * A JAX-WS endpoint (an {@code @WebService} or {@code @WebServiceProvider}) at {@code /soap + path}.
     *
     * @param path         "/submit" serves at /soap/submit
     * @param wsdlLocation the contract-first WSDL (classpath or URL), or null to let CXF derive one
     */
    public void addSoapEndpoint(String path, Object implementor, String wsdlLocation) {
        requireNotStarted();
        cxf.addSoapEndpoint(Objects.requireNonNull(path, "path"),
                Objects.requireNonNull(implementor, "implementor"), wsdlLocation);
    }

    /**
     * Binds the listeners and starts serving; fails (and releases everything) if a port is taken. A server is
     * started once: stopping releases CXF's bus for good.
     */
    public synchronized void start() throws Exception {
        requireNotStarted();
        started = true;
        QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), 8);
        pool.setName("ebrelay-http");
        server = new Server(pool);
        server.setStopAtShutdown(false);
        server.setErrorHandler(new PlainErrorPages.Core());
        main = connector("main", config.host(), config.port(), config.tls());
        server.addConnector(main);
        if (config.adminPort() != null) {
            admin = connector(Routes.ADMIN_CONNECTOR, config.adminHost(), config.adminPort(), null);
            server.addConnector(admin);
        }
        server.setHandler(new Routes(
                new EbmsHandler(ebmsEndpoint, config.maxEbmsBodyBytes()),
                new ReadOnlyResourceHandler("application/json", this::renderHealth),
                new ReadOnlyResourceHandler(PROMETHEUS_TEXT, this::renderMetrics),
                cxf.isEmpty() ? null : cxf.contextHandler(),
                apiRoutes,
                admin != null, cxf.extraPrefixes()));
        try {
            server.start();
        } catch (Exception e) {
            stop();
            throw e;
        }
    }

    /** Stops serving and releases the ports and CXF's bus. Idempotent. */
    public synchronized void stop() throws Exception {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } finally {
            cxf.shutdown();
            server = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** The main port actually bound (useful when configured as 0). */
    public int port() {
        return requireStarted(main).getLocalPort();
    }

    /** The admin port actually bound, or -1 when there is no admin listener. */
    public int adminPort() {
        return admin == null ? -1 : requireStarted(admin).getLocalPort();
    }

    /** Base of the main listener, e.g. http://127.0.0.1:8080 (the /ebms endpoint is under it). */
    public URI baseUri() {
        return URI.create((config.tls() == null ? "http" : "https") + "://" + hostForUri(config.host()) + ":" + port());
    }

    /** Base of the listener serving /api, /soap and /metrics. */
    public URI apiBaseUri() {
        return admin == null ? baseUri() : URI.create("http://" + hostForUri(config.adminHost()) + ":" + adminPort());
    }

    private ServerConnector connector(String name, String host, int port,
                                      org.eclipse.jetty.util.ssl.SslContextFactory.Server tls) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Only HTTP/1.1 is configured: a client's "Upgrade: h2c" finds no h2c factory and is ignored.
        HttpConnectionFactory h1 = new HttpConnectionFactory(http);
        ServerConnector connector;
        if (tls == null) {
            connector = new ServerConnector(server, 1, 1, h1);
        } else {
            // No SNI host check: whether the certificate names the host is the client's check (a partner may post
            // to an address its certificate does not name, with its own hostname verification turned off).
            http.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, h1.getProtocol()), h1);
        }
        connector.setName(name);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        return connector;
    }

    private ReadOnlyResourceHandler.Rendered renderHealth() {
        Health h = health.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", h.up() ? "UP" : "DOWN");
        body.putAll(h.details());
        try {
            return new ReadOnlyResourceHandler.Rendered(h.up() ? 200 : 503, json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("health details are not JSON-serialisable", e);
        }
    }

    private ReadOnlyResourceHandler.Rendered renderMetrics() {
        return new ReadOnlyResourceHandler.Rendered(200, metrics.get().getBytes(StandardCharsets.UTF_8));
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private void requireNotStarted() {
        if (started) {
            throw new IllegalStateException("already started: register before start(), start once");
        }
    }

    private static ServerConnector requireStarted(ServerConnector connector) {
        if (connector == null || connector.getLocalPort() <= 0) {
            throw new IllegalStateException("the server is not started");
        }
        return connector;
    }
}
