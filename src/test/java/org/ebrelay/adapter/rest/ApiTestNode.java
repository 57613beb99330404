package org.ebrelay.adapter.rest;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.ebrelay.adapter.soapapi.SoapApi;
import org.ebrelay.app.AccessCheck;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.net.URI;

/**
 * A node's API on a real HTTP server for adapter tests: Jetty on an ephemeral loopback port, a CXF servlet, the
 * REST API at {@code /api} and the SOAP API at {@code /soap}, over {@link FakeNodePorts}.
 */
public final class ApiTestNode implements AutoCloseable {
    public final FakeNodePorts ports = new FakeNodePorts();
    private final Server jetty;
    private final Bus bus;
    private final int port;

    private ApiTestNode(AccessCheck accessCheck, long maxBodyBytes) throws Exception {
        bus = BusFactory.newInstance().createBus();
        CXFNonSpringServlet servlet = new CXFNonSpringServlet();
        servlet.setBus(bus);
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(servlet);
        holder.setInitOrder(1);
        context.addServlet(holder, "/*");
        RestApi rest = new RestApi(ports, ports, ports, ports, accessCheck, maxBodyBytes);
        rest.mount(bus, "/api");
        jetty.setHandler(new SubmissionFirst(context, rest.submissionHandler()));
        new SoapApi(ports, ports, accessCheck).publish(bus, "/soap");
        jetty.start();
        port = connector.getLocalPort();
    }

    /** As on a node: POST /api/messages to its Jetty handler, everything else to CXF. */
    private static final class SubmissionFirst extends Handler.Wrapper {
        private final Handler submission;

        SubmissionFirst(Handler cxf, Handler submission) {
            super(cxf);
            this.submission = submission;
            installBean(submission);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if ("POST".equals(request.getMethod())
                    && SubmissionHandler.PATH.equals(Request.getPathInContext(request))) {
                return submission.handle(request, response, callback);
            }
            return super.handle(request, response, callback);
        }
    }

    public static ApiTestNode start() throws Exception {
        return new ApiTestNode(AccessCheck.PERMIT_ALL, RestApi.DEFAULT_MAX_BODY_BYTES);
    }

    public static ApiTestNode start(AccessCheck accessCheck, long maxBodyBytes) throws Exception {
        return new ApiTestNode(accessCheck, maxBodyBytes);
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI uri(String path) {
        return base().resolve(path);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        bus.shutdown(true);
    }
}
