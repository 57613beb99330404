package org.ebrelay.adapter.hl7;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Character sets of HL7 v2 ER7 payloads: MSH-18 codes (HL7 table 0211), byte order marks, MIME charset params. */
final class Hl7Charsets {
    /** HL7 table 0211 codes and the Java charsets that read them. */
    private static final Map<String, String> TABLE_0211 = Map.ofEntries(
            Map.entry("ASCII", "US-ASCII"),
            Map.entry("8859/1", "ISO-8859-1"),
            Map.entry("8859/2", "ISO-8859-2"),
            Map.entry("8859/3", "ISO-8859-3"),
            Map.entry("8859/4", "ISO-8859-4"),
            Map.entry("8859/5", "ISO-8859-5"),
            Map.entry("8859/6", "ISO-8859-6"),
            Map.entry("8859/7", "ISO-8859-7"),
            Map.entry("8859/8", "ISO-8859-8"),
            Map.entry("8859/9", "ISO-8859-9"),
            Map.entry("8859/15", "ISO-8859-15"),
            Map.entry("ISO IR6", "US-ASCII"),
            Map.entry("ISO IR14", "JIS_X0201"),
            Map.entry("ISO IR87", "x-JIS0208"),
            Map.entry("ISO IR159", "JIS_X0212-1990"),
            Map.entry("GB 18030-2000", "GB18030"),
            Map.entry("KS X 1001", "EUC-KR"),
            Map.entry("CNS 11643-1992", "x-EUC-TW"),
            Map.entry("BIG-5", "Big5"),
            // "UNICODE" is ambiguous in the standard; in practice it is UTF-8 on the wire.
            Map.entry("UNICODE", "UTF-8"),
            Map.entry("UNICODE UTF-8", "UTF-8"),
            Map.entry("UNICODE UTF-16", "UTF-16"),
            Map.entry("UNICODE UTF-32", "UTF-32"));

    private Hl7Charsets() {
    }

    /** The charset an MSH-18 value names (first repetition), when known and supported by this JVM. */
    static Optional<Charset> forMsh18(String msh18, char repetitionSeparator) {
        if (msh18 == null) {
            return Optional.empty();
        }
        int rep = msh18.indexOf(repetitionSeparator);
        String code = (rep >= 0 ? msh18.substring(0, rep) : msh18).trim().toUpperCase(Locale.ROOT);
        return code.isEmpty() ? Optional.empty() : named(TABLE_0211.getOrDefault(code, code));
    }

    /** The charset parameter of a MIME Content-Type, when present and supported. */
    static Optional<Charset> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String param : contentType.split(";")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                return named(param.substring(eq + 1).trim().replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    /** The charset a byte order mark at the start of {@code content} announces, and the mark's length. */
    static Optional<Bom> bom(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(new Bom(StandardCharsets.UTF_8, 3));
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return Optional.of(new Bom(StandardCharsets.UTF_16BE, 2));
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return Optional.of(new Bom(StandardCharsets.UTF_16LE, 2));
        }
        return Optional.empty();
    }

    /** Decodes leniently: malformed input becomes U+FFFD instead of an exception (what String's constructor does). */
    static String decode(byte[] content, int offset, Charset charset) {
        return decode(content, offset, content.length - offset, charset);
    }

    static String decode(byte[] content, int offset, int length, Charset charset) {
        return new String(content, offset, length, charset);
    }

    private static Optional<Charset> named(String name) {
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    record Bom(Charset charset, int length) {
    }
}
