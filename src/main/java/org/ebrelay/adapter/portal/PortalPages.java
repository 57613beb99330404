package org.ebrelay.adapter.portal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.ebrelay.app.portal.PortalSessions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The portal's static files (classpath {@code web/portal/}) at {@code /bank/}: plain HTML, CSS and JavaScript, no
 * build step and nothing fetched from elsewhere at run time. A page other than the sign-in page is only served
 * to a signed-in browser (others are sent to sign in); the data itself comes from the API, which checks every
 * request. Every answer forbids framing and foreign scripts (Content-Security-Policy). Published as a JAX-RS
 * application of its own at {@code /bank}, beside the API at {@code /bank/api}, in a node and standalone alike.
 */
@Path("/")
public final class PortalPages {
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
        this.sessions = sessions;
    }

    /** {@code /bank} and {@code /bank/}: the portal (relative links need the trailing slash). */
    @GET
    public Response start(@Context UriInfo uri, @Context HttpHeaders headers) {
        if (!uri.getRequestUri().getPath().endsWith("/")) {
            return redirect(URI.create(PREFIX + "/"));
        }
        return file("index.html", headers);
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String name, @Context HttpHeaders headers) {
        Optional<byte[]> body = FILE.matcher(name).matches() ? read(name) : Optional.empty();
        if (body.isEmpty()) {
            return secured(Response.status(404).type("text/plain; charset=utf-8").entity("No such page\n")).build();
        }
        if (name.endsWith(".html") && !name.equals(SIGN_IN_PAGE) && !signedIn(headers)) {
            return redirect(URI.create(PREFIX + "/" + SIGN_IN_PAGE));
        }
        return secured(Response.ok(body.get(), TYPES.get(name.substring(name.lastIndexOf('.') + 1))))
                .header("Cache-Control", "no-cache").build();
    }

    private boolean signedIn(HttpHeaders headers) {
        String token = SessionCookie.token(headers.getCookies());
        return token != null && sessions.resolve(token).isPresent();
    }

    private static Response redirect(URI location) {
        return secured(Response.status(302).location(location)).header("Cache-Control", "no-store").build();
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CSP).header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
    }

    private Optional<byte[]> read(String name) {
        return files.computeIfAbsent(name, n -> {
            try (InputStream in = PortalPages.class.getClassLoader().getResourceAsStream(ROOT + n)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the portal file " + n, e);
            }
        });
    }
}
