package org.ebrelay.adapter.soap;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A block of RFC 822 style header lines (HTTP or MIME) up to the first empty line. Lines may end in CRLF or LF
 * (PKG-8); folded lines are joined; names are matched without regard to case and the first occurrence wins.
 */
final class MimeFields {
    /** The symbols an HTTP/MIME field name (a token) may hold besides letters and digits. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";
    private final Map<String, String> fields;
    private final int bodyStart;
    private final boolean terminated;
    private final boolean wellFormed;

    private MimeFields(Map<String, String> fields, int bodyStart, boolean terminated, boolean wellFormed) {
        this.fields = fields;
        this.bodyStart = bodyStart;
        this.terminated = terminated;
        this.wellFormed = wellFormed;
    }

    /** Reads header lines of {@code data} from {@code from} (inclusive) to {@code to} (exclusive). */
    static MimeFields read(byte[] data, int from, int to) {
        Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String lastName = null;
        boolean wellFormed = true;
        int pos = from;
        while (pos < to) {
            int lf = indexOf(data, (byte) '\n', pos, to);
            int lineEnd = lf < 0 ? to : lf;
            int next = lf < 0 ? to : lf + 1;
            String line = line(data, pos, lineEnd);
            if (line.isEmpty()) {
                return new MimeFields(fields, next, true, wellFormed);
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
                fields.put(lastName, fields.get(lastName) + " " + line.strip());
            } else if (isField(line)) {
                int colon = line.indexOf(':');
                lastName = line.substring(0, colon);
                String value = line.substring(colon + 1).strip();
                if (fields.putIfAbsent(lastName, value) != null) {
                    lastName = null;
                }
            } else {
                wellFormed = false;
                lastName = null;
            }
            pos = next;
        }
        return new MimeFields(fields, to, false, wellFormed);
    }

    /** Whether the line starting at {@code from} has the shape {@code Name: value}. */
    static boolean startsWithField(byte[] data, int from, int to) {
        int lf = indexOf(data, (byte) '\n', from, to);
        return isField(line(data, from, lf < 0 ? to : lf));
    }

    /** The field's value, or null. */
    String get(String name) {
        return fields.get(name);
    }

    /** Index of the first body byte (after the empty line), or the end when there is none. */
    int bodyStart() {
        return bodyStart;
    }

    /** Whether an empty line ended the block. */
    boolean terminated() {
        return terminated;
    }

    /** Whether every line was a field or a continuation. */
    boolean wellFormed() {
        return wellFormed;
    }

    static int indexOf(byte[] data, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String line(byte[] data, int from, int end) {
        int e = end;
        if (e > from && data[e - 1] == '\r') {
            e--;
        }
        return new String(data, from, e - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean isField(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 127) && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
