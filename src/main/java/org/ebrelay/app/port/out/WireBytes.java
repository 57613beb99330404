package org.ebrelay.app.port.out;

import java.util.Objects;

/**
 * Bytes exactly as they went (or go) over the wire, with their MIME Content-Type. The array is not copied: treat it
 * as read-only.
 */
public record WireBytes(String contentType, byte[] body) {
    public WireBytes {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
