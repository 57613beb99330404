package org.ebrelay.adapter.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Every failure becomes a JSON {@link ApiError}, never an HTML page or a stack trace. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionMapper.class);

    private static final Map<Integer, String> CODES = Map.of(
            400, "MalformedRequest", 401, "Unauthorized", 403, "Forbidden", 404, "NotFound",
            405, "MethodNotAllowed", 406, "NotAcceptable", 413, "PayloadTooLarge", 415, "UnsupportedMediaType");

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof BadRequest bad) {
            return json(bad.status(), new ApiError(bad.error(), bad.getMessage()));
        }
        if (exception instanceof WebApplicationException wae) {
            return fromWebApplication(wae);
        }
        log.error("API request failed", exception);
        return json(500, new ApiError("InternalError", "the node could not handle the request; see its log"));
    }

    private static Response fromWebApplication(WebApplicationException wae) {
        Response original = wae.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        if (status >= 500) {
            log.error("API request failed", wae);
            return json(status, new ApiError("InternalError", "the node could not handle the request; see its log"));
        }
        String error = CODES.getOrDefault(status, "HttpError" + status);
        Response.ResponseBuilder builder = Response.fromResponse(original).entity(new ApiError(error, detail(wae, status)))
                .type(MediaType.APPLICATION_JSON_TYPE);
        return builder.build();
    }

    private static String detail(WebApplicationException wae, int status) {
        // CXF's own messages for these are class names or empty: give a sentence instead
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this resource does not accept that method";
            case 406 -> "this resource answers application/json";
            case 415 -> "this resource does not accept that Content-Type";
            default -> wae.getMessage() == null ? Response.Status.fromStatusCode(status) + "" : wae.getMessage();
        };
    }

    private static Response json(int status, ApiError error) {
        return Response.status(status).entity(error).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
