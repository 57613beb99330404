package org.ebrelay.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads request bodies with a size cap and turns unreadable JSON into a 400 that says what is wrong. */
final class RequestBodies {
    private final ObjectMapper mapper;
    private final long maxBytes;

    RequestBodies(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /** The whole body, or 413 PayloadTooLarge past the cap. */
    byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new BadRequest(413, "PayloadTooLarge", "the request body exceeds " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON body into {@code type}; an empty, malformed or mistyped body is a 400. */
    <T> T json(byte[] bytes, Class<T> type) {
        if (bytes.length == 0) {
            throw new BadRequest("the request needs a JSON body");
        }
        try {
            return mapper.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequest("unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            throw new BadRequest("the JSON body cannot be read: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T json(InputStream body, Class<T> type) {
        return json(read(body), type);
    }
}
