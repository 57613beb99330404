package org.ebrelay.adapter.portal;

import org.ebrelay.app.portal.PortalSessions;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The portal's static files (classpath {@code web/portal/}) at {@code /bank/}: plain HTML, CSS and JavaScript, no
 * build step and nothing fetched from elsewhere at run time. A page other than the sign-in page is only served
 * to a signed-in browser (others are sent to sign in); the data itself comes from the API, which checks every
 * request. Every answer forbids framing and foreign scripts (Content-Security-Policy).
 */
public final class PortalPages extends Handler.Abstract {
    public static final String PREFIX = "/bank";
    static final String SIGN_IN_PAGE = "signin.html";
    private static final String ROOT = "web/portal/";
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg|ico)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "ico", "image/x-icon");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final PortalSessions sessions;
    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    PortalPages(PortalSessions sessions) {
        super(InvocationType.BLOCKING);
        this.sessions = sessions;
    }

    /** True for the paths this handler answers: {@code /bank} and {@code /bank/...} outside {@code /bank/api}. */
    public static boolean serves(String path) {
        return path.equals(PREFIX) || (path.startsWith(PREFIX + "/") && !path.equals(PREFIX + "/api")
                && !path.startsWith(PREFIX + "/api/"));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!serves(path)) {
            return false;
        }
        if (path.equals(PREFIX)) {
            return redirect(request, response, callback, PREFIX + "/");
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        String name = path.substring(PREFIX.length() + 1);
        name = name.isEmpty() ? "index.html" : name;
        Optional<byte[]> body = FILE.matcher(name).matches() ? file(name) : Optional.empty();
        if (body.isEmpty()) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        if (name.endsWith(".html") && !name.equals(SIGN_IN_PAGE) && !signedIn(request)) {
            return redirect(request, response, callback, PREFIX + "/" + SIGN_IN_PAGE);
        }
        securityHeaders(response);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.get().length);
        response.write(true, "HEAD".equals(method) ? null : ByteBuffer.wrap(body.get()), callback);
        return true;
    }

    private boolean signedIn(Request request) {
        List<HttpCookie> cookies = Request.getCookies(request);
        for (HttpCookie cookie : cookies) {
            if (SessionCookie.NAME.equals(cookie.getName()) && sessions.resolve(cookie.getValue()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean redirect(Request request, Response response, Callback callback, String location) {
        securityHeaders(response);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Response.sendRedirect(request, response, callback, HttpStatus.FOUND_302, location, true);
        return true;
    }

    private static void securityHeaders(Response response) {
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("X-Frame-Options", "DENY");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
    }

    private Optional<byte[]> file(String name) {
        return files.computeIfAbsent(name, n -> {
            try (InputStream in = PortalPages.class.getClassLoader().getResourceAsStream(ROOT + n)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the portal file " + n, e);
            }
        });
    }
}
