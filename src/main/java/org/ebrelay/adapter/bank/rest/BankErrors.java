package org.ebrelay.adapter.bank.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ebrelay.adapter.rest.ApiError;

/** The bank API's errors: {@code {error, detail}} with the status the contract names. */
final class BankErrors {
    private BankErrors() {
    }

    static WebApplicationException malformed(String detail) {
        return error(400, "MalformedRequest", detail);
    }

    static WebApplicationException notFound(String detail) {
        return error(404, "NotFound", detail);
    }

    static WebApplicationException notAllowed(String detail) {
        return error(409, "NotAllowed", detail);
    }

    static WebApplicationException error(int status, String code, String detail) {
        return new WebApplicationException(detail, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code, detail)).build());
    }
}
