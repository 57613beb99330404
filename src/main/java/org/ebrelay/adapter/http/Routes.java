package org.ebrelay.adapter.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

import java.util.List;
import java.util.Map;

/**
 * The server's path table. /ebms goes to the lean handler and /health answers on every listener; the lean API
 * routes (an exact method and path, such as {@code POST /api/messages}) go to their Jetty handlers; /api and
 * /soap (the wrapped CXF servlet context) and /metrics answer on the admin listener when there is one, and on
 * the main listener otherwise. Anything else is not handled, so Jetty answers 404 through the plain error
 * pages.
 */
final class Routes extends Handler.Wrapper {
    static final String ADMIN_CONNECTOR = "admin";

    private final Handler ebms;
    private final Handler health;
    private final Handler metrics;
    private final Map<String, Handler> apiRoutes;
    private final boolean adminListener;
    private final List<String> extraApiPrefixes;

    /**
     * @param apiRoutes        lean handlers by {@code "METHOD /path"}
     * @param extraApiPrefixes further CXF REST applications (like /api: on the admin listener when there is one)
     */
    Routes(Handler ebms, Handler health, Handler metrics, Handler cxfContext, Map<String, Handler> apiRoutes,
           boolean adminListener, List<String> extraApiPrefixes) {
        super(cxfContext);
        this.extraApiPrefixes = List.copyOf(extraApiPrefixes);
        this.ebms = ebms;
        this.health = health;
        this.metrics = metrics;
        this.apiRoutes = Map.copyOf(apiRoutes);
        this.adminListener = adminListener;
        installBean(ebms);
        installBean(health);
        installBean(metrics);
        this.apiRoutes.values().forEach(this::installBean);
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        ebms.setServer(server);
        health.setServer(server);
        metrics.setServer(server);
        apiRoutes.values().forEach(handler -> handler.setServer(server));
    }

    /**
     * Blocking: the ebMS endpoint reads bodies and waits on commits, so Jetty must call us on a pooled thread,
     * never on a selector (a wrapper without a child would otherwise claim NON_BLOCKING).
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        boolean onAdmin = ADMIN_CONNECTOR.equals(request.getConnectionMetaData().getConnector().getName());
        boolean apiHere = !adminListener || onAdmin;
        if (!onAdmin && ("/ebms".equals(path) || "/ebms/".equals(path))) {
            return ebms.handle(request, response, callback);
        }
        if ("/health".equals(path)) {
            return health.handle(request, response, callback);
        }
        if (apiHere && "/metrics".equals(path)) {
            SecureHeaders.add(request, response);
            return metrics.handle(request, response, callback);
        }
        Handler apiRoute = apiHere ? apiRoutes.get(request.getMethod() + " " + path) : null;
        if (apiRoute != null) {
            SecureHeaders.add(request, response);
            return apiRoute.handle(request, response, callback);
        }
        if (apiHere && (isUnder(path, CxfServices.API_PREFIX) || isUnder(path, CxfServices.SOAP_PREFIX))) {
            SecureHeaders.add(request, response);
            return super.handle(request, response, callback);
        }
        if (apiHere && extraApiPrefixes.stream().anyMatch(prefix -> isUnder(path, prefix))) {
            return super.handle(request, response, callback);
        }
        return false;
    }

    private static boolean isUnder(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
