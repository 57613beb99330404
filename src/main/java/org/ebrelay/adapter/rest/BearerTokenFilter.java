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
 * (401 JSON without a known token, 403 when the token's role does not cover the operation).
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
        AccessCheck.Verdict verdict = accessCheck.decide(token, operation);
        if (verdict == AccessCheck.Verdict.UNAUTHENTICATED) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("Unauthorized", token == null
                            ? "a bearer token is required for " + operation
                            : "the bearer token is not valid for this node"))
                    .build());
        } else if (verdict == AccessCheck.Verdict.FORBIDDEN) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("Forbidden", "the token's role does not allow " + operation))
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
