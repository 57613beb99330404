package org.ebrelay.adapter.bank;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A keyset position: the last row of a page (its time and id); opaque to clients. */
public record PageCursor(long millis, long id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((millis + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException when {@code text} is not a cursor this bank made */
    public static PageCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int dot = plain.indexOf('.');
            return new PageCursor(Long.parseLong(plain.substring(0, dot)), Long.parseLong(plain.substring(dot + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a paging cursor: " + text);
        }
    }
}
