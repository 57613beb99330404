package org.ebrelay.adapter.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.ebrelay.app.AccessCheck;

/**
 * Reads {@code Authorization: Bearer TOKEN} and asks the {@link AccessCheck} whether the request may proceed
 * (401 JSON when not). The check decides; today it allows everything.
 */
@Provider
public class BearerTokenFilter implements ContainerRequestFilter {
    private static final String BEARER = "bearer ";

    private final AccessCheck accessCheck;

    public BearerTokenFilter(AccessCheck accessCheck) {
        this.accessCheck = accessCheck;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        String operation = request.getMethod() + " /" + request.getUriInfo().getPath(false);
        if (!accessCheck.permits(token, operation)) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("Unauthorized", "a valid bearer token is required for " + operation))
                    .build());
        }
    }

    /** The token of a Bearer authorization header, or null. */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
