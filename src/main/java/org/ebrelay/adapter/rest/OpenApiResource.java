package org.ebrelay.adapter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/openapi.yaml}: the hand-written OpenAPI document (docs/openapi.yaml, copied by the build). */
@Path("/openapi.yaml")
public class OpenApiResource {
    /** Where the build puts docs/openapi.yaml on the classpath. */
    public static final String CLASSPATH_LOCATION = "api/openapi.yaml";

    private final byte[] document;

    OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(CLASSPATH_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_LOCATION + " is missing from the classpath");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces("application/yaml")
    public byte[] document() {
        return document.clone();
    }
}
