package org.ebrelay.adapter.soap;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;

/**
 * Undoes a MIME Content-Transfer-Encoding (PKG-6): 7bit, 8bit and binary pass through untouched (line
 * endings included: HL7 v2 segments end in a bare CR), base64 and quoted-printable are decoded strictly.
 */
final class TransferDecoding {
    private TransferDecoding() {
    }

    /**
     * The content octets of a part.
     *
     * @throws IllegalArgumentException with a plain-words reason when the encoding is unknown or the content
     *                                  is not valid in it
     */
    static byte[] decode(String encoding, byte[] raw) {
        String name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "", "7bit", "8bit", "binary" -> raw;
            case "base64" -> base64(raw);
            case "quoted-printable" -> quotedPrintable(raw);
            default -> throw new IllegalArgumentException("unknown Content-Transfer-Encoding '" + encoding + "'");
        };
    }

    private static byte[] base64(byte[] raw) {
        byte[] compact = new byte[raw.length];
        int n = 0;
        for (byte b : raw) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                compact[n++] = b;
            }
        }
        try {
            return Base64.getDecoder().decode(java.util.Arrays.copyOf(compact, n));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the base64 content is not valid: " + e.getMessage(), e);
        }
    }

    private static byte[] quotedPrintable(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int i = 0;
        while (i < raw.length) {
            byte b = raw[i];
            if (b == '=') {
                i = escape(raw, i, out);
            } else if (b == ' ' || b == '\t') {
                int j = skipBlanks(raw, i);
                if (!atLineEnd(raw, j)) {
                    out.write(raw, i, j - i);
                }
                i = j;
            } else {
                out.write(b);
                i++;
            }
        }
        return out.toByteArray();
    }

    /** Decodes {@code =XX} or a soft line break at {@code i}; returns the next index. */
    private static int escape(byte[] raw, int i, ByteArrayOutputStream out) {
        int j = skipBlanks(raw, i + 1);
        if (j == raw.length) {
            return j;
        }
        if (raw[j] == '\n') {
            return j + 1;
        }
        if (raw[j] == '\r' && j + 1 < raw.length && raw[j + 1] == '\n') {
            return j + 2;
        }
        if (i + 2 < raw.length) {
            int hi = Character.digit(raw[i + 1], 16);
            int lo = Character.digit(raw[i + 2], 16);
            if (hi >= 0 && lo >= 0) {
                out.write(hi << 4 | lo);
                return i + 3;
            }
        }
        throw new IllegalArgumentException("the quoted-printable content has an invalid '=' sequence at byte " + i);
    }

    private static int skipBlanks(byte[] raw, int from) {
        int j = from;
        while (j < raw.length && (raw[j] == ' ' || raw[j] == '\t')) {
            j++;
        }
        return j;
    }

    private static boolean atLineEnd(byte[] raw, int j) {
        return j == raw.length || raw[j] == '\n' || (raw[j] == '\r' && j + 1 < raw.length && raw[j + 1] == '\n');
    }
}
