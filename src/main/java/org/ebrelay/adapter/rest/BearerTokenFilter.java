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
        AccessRefusal refusal = AccessRefusal.of(accessCheck.decide(token, operation), token, operation);
        if (refusal != null) {
            Response.ResponseBuilder answer = Response.status(refusal.status())
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(refusal.error());
            if (refusal.asksForBearer()) {
                answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            request.abortWith(answer.build());
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
