package org.ebrelay.domain.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One payload container: its Content-ID (without angle brackets), media type and decoded content octets.
 * The content array is copied in and out, so a payload is immutable.
 */
public final class Payload {
    private final String contentId;
    private final String contentType;
    private final byte[] content;

    public Payload(String contentId, String contentType, byte[] content) {
        this.contentId = Text.nonBlank(contentId, "Content-ID");
        this.contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        this.content = Objects.requireNonNull(content, "content").clone();
    }

    public static Payload text(String contentId, String contentType, String content) {
        return new Payload(contentId, contentType, content.getBytes(StandardCharsets.UTF_8));
    }

    public String contentId() {
        return contentId;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that
                && contentId.equals(that.contentId)
                && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentId, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Payload[" + contentId + ", " + contentType + ", " + content.length + " bytes]";
    }
}
