package org.ebrelay.adapter.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.List;

/**
 * The standalone bank's HTTP server: REST applications under their prefixes (the API at /bank/api, the portal's
 * pages at /bank) on one Jetty with one CXF servlet, which, unlike CXF's own Jetty transport, serves nested
 * prefixes. Anything outside the prefixes is 404.
 */
public final class BankWebServer implements AutoCloseable {
    private final CxfServices cxf = new CxfServices();
    private final String host;
    private final int port;
    private Server server;
    private ServerConnector connector;

    public BankWebServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Resources and providers (JSON included) under {@code prefix}; before {@link #start()}. */
    public void addRestApplication(String prefix, List<Object> resources, List<Object> providers) {
        cxf.addRestApplication(prefix, resources, providers);
    }

    public synchronized void start() throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("ebrelay-bank-http");
        server = new Server(pool);
        server.setStopAtShutdown(false);
        server.setErrorHandler(new PlainErrorPages.Core());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        List<String> prefixes = cxf.extraPrefixes();
        server.setHandler(new Handler.Wrapper(cxf.contextHandler()) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                boolean ours = prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
                return ours && super.handle(request, response, callback);
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** The port bound. */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort; the port is released with the process at the latest
        } finally {
            cxf.shutdown();
            server = null;
        }
    }
}
