package org.ebrelay.adapter.soap;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Formats and checks the few lexical forms the encoder writes: timestamps, names, cid: URIs, MIME header values. */
final class WireText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WireText() {
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC (HDR-5), truncated to the millisecond. */
    static String timestamp(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("timestamp out of the four-digit year range: " + instant);
        }
        char[] c = new char[24];
        put(c, 0, year, 4);
        c[4] = '-';
        put(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, t.getHour(), 2);
        c[13] = ':';
        put(c, 14, t.getMinute(), 2);
        c[16] = ':';
        put(c, 17, t.getSecond(), 2);
        c[19] = '.';
        put(c, 20, instant.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** An xs:language value, as xml:lang requires. */
    static String requireLanguage(String lang) {
        String[] subtags = lang.split("-", -1);
        for (int i = 0; i < subtags.length; i++) {
            String s = subtags[i];
            boolean ok = !s.isEmpty() && s.length() <= 8;
            for (int k = 0; ok && k < s.length(); k++) {
                char ch = s.charAt(k);
                ok = isAsciiLetter(ch) || (i > 0 && ch >= '0' && ch <= '9');
            }
            if (!ok) {
                throw new IllegalArgumentException("not a language tag for xml:lang: " + lang);
            }
        }
        return lang;
    }

    /** An NCName in the ASCII subset (eb:id values, SOAP fault code local parts). */
    static String requireNcName(String name, String what) {
        boolean ok = !name.isEmpty() && (isAsciiLetter(name.charAt(0)) || name.charAt(0) == '_');
        for (int i = 1; ok && i < name.length(); i++) {
            char ch = name.charAt(i);
            ok = isAsciiLetter(ch) || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.';
        }
        if (!ok) {
            throw new IllegalArgumentException(what + " is not an XML name: " + name);
        }
        return name;
    }

    /**
     * {@code cid:} + the Content-ID (PKG-4), percent-encoding (RFC 2392, as UTF-8 octets) every character
     * outside the URI path characters, so "%", spaces, brackets and non-ASCII survive.
     */
    static String cidHref(String contentId) {
        StringBuilder href = new StringBuilder(contentId.length() + 8).append("cid:");
        for (byte b : contentId.getBytes(StandardCharsets.UTF_8)) {
            int u = b & 0xFF;
            if (isPathChar(u)) {
                href.append((char) u);
            } else {
                href.append('%').append(HEX[u >> 4]).append(HEX[u & 0xF]);
            }
        }
        return href.toString();
    }

    /** A value safe in a MIME header line: printable ASCII only (no CR/LF injection). */
    static String requireHeaderValue(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 || ch > 0x7E) {
                throw new IllegalArgumentException(what + " must be printable ASCII: " + value);
            }
        }
        return value;
    }

    /** A Content-ID as it goes between angle brackets. */
    static String requireContentId(String contentId) {
        requireHeaderValue(contentId, "Content-ID");
        if (contentId.indexOf('<') >= 0 || contentId.indexOf('>') >= 0 || contentId.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("Content-ID must not contain '<', '>' or spaces: " + contentId);
        }
        return contentId;
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    /** RFC 3986 unreserved, sub-delims, ":" "@" "/" . */
    private static boolean isPathChar(int u) {
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')) {
            return true;
        }
        return "-._~!$&'()*+,;=:@/".indexOf(u) >= 0;
    }
}
