package org.ebrelay.adapter.rest;

import org.ebrelay.app.AccessCheck;

/**
 * The answer to a request the {@link AccessCheck} refuses, the same on every API route (CXF's filter and the lean
 * Jetty handlers): 401 with a reason when the caller is unknown, 403 when its role does not cover the operation.
 */
record AccessRefusal(int status, ApiError error) {

    /** The refusal for {@code verdict}, or null when the request may proceed. */
    static AccessRefusal of(AccessCheck.Verdict verdict, String token, String operation) {
        if (verdict == AccessCheck.Verdict.UNAUTHENTICATED) {
            return new AccessRefusal(401, new ApiError("Unauthorized", token == null
                    ? "a bearer token is required for " + operation
                    : "the bearer token is not valid for this node"));
        }
        if (verdict == AccessCheck.Verdict.FORBIDDEN) {
            return new AccessRefusal(403, new ApiError("Forbidden", "the token's role does not allow " + operation));
        }
        return null;
    }

    /** A 401 tells the client which scheme to use (RFC 6750). */
    boolean asksForBearer() {
        return status == 401;
    }
}
