package org.ebrelay.adapter.portal;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ebrelay.adapter.rest.ApiError;

/** The bank API's error answers ({@code {"error": CODE, "detail": sentence}}) for the portal's refusals. */
final class PortalErrors {
    private PortalErrors() {
    }

    static Response unauthorized(String detail) {
        return error(401, "Unauthorized", detail);
    }

    static Response forbidden(String detail) {
        return error(403, "Forbidden", detail);
    }

    static Response error(int status, String code, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, detail))
                .header("Cache-Control", "no-store").build();
    }
}
