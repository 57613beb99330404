package org.ebrelay.adapter.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Writes the signed-in user's name into the {@code operator} field of a resend order, whatever the body said: the
 * bank records who asked for a resend, and a browser must not be able to name someone else. A body that is not a
 * JSON object is passed on untouched (the resource refuses it).
 */
final class OperatorStamp {
    static final String FIELD = "operator";
    private static final int MAX_BODY = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OperatorStamp() {
    }

    /** @return false when the body is too large to be a resend order */
    static boolean apply(ContainerRequestContext request, String userName) {
        byte[] body = read(request.getEntityStream());
        if (body == null) {
            return false;
        }
        byte[] stamped = body;
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree instanceof ObjectNode) {
                ((ObjectNode) tree).put(FIELD, userName);
                stamped = JSON.writeValueAsBytes(tree);
            }
        } catch (JsonProcessingException notJson) {
            // the resource answers 400 for it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.setEntityStream(new ByteArrayInputStream(stamped));
        return true;
    }

    private static byte[] read(InputStream in) {
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
