package org.ebrelay.adapter.hl7;

import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escaping;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * MSH-10 (message control id) of an HL7 v2 message in ER7 ("pipe") encoding, read with HAPI.
 * Only the first MSH segment is read, by a scan of its separators: a full parse would cost more and fail on messages whose
 * body does not match the 2.5.1 structures, while the id sits in MSH.
 */
final class Er7MessageIds {
    private static final int MSH_10 = 10;
    private static final int MSH_18 = 18;

    private final Escaping escaping = new DefaultEscaping();

    /**
     * The MSH-10 of the ER7 message in {@code content} from {@code start} (after any BOM, MLLP start byte and
     * whitespace), decoded in the charset MSH-18 names, else {@code fallback}.
     */
    Optional<String> messageControlId(byte[] content, int start, Charset fallback) {
        // Latin-1 maps every byte to one char, so indexes in this text are byte offsets in content.
        String latin = new String(content, start, content.length - start, StandardCharsets.ISO_8859_1);
        int at = mshStart(latin);
        if (at < 0) {
            return Optional.empty();
        }
        int end = mshEnd(latin, at);
        String firstMsh = latin.substring(at, end);
        Charset charset = Hl7Charsets.forMsh18(field(firstMsh, MSH_18), repetitionSeparator(firstMsh)).orElse(fallback);
        if (charset.equals(StandardCharsets.ISO_8859_1)) {
            return messageControlId(firstMsh);
        }
        if (segmentsEndOnAsciiBytes(charset)) {
            return messageControlId(Hl7Charsets.decode(content, start + at, end - at, charset));
        }
        return messageControlId(Hl7Charsets.decode(content, start, content.length - start, charset));
    }

    /** The charset MSH-18 of the ER7 message in {@code content} from {@code start} names, when known here. */
    static Optional<Charset> declaredCharset(byte[] content, int start) {
        String latin = new String(content, start, content.length - start, StandardCharsets.ISO_8859_1);
        int at = mshStart(latin);
        if (at < 0) {
            return Optional.empty();
        }
        String firstMsh = latin.substring(at, mshEnd(latin, at));
        return Hl7Charsets.forMsh18(field(firstMsh, MSH_18), repetitionSeparator(firstMsh));
    }

    /**
     * Whether a CR or LF byte always is a segment terminator in this charset, never part of a multi-byte
     * character: then the MSH segment alone can be decoded (the common case; a payload is not decoded twice).
     */
    private static boolean segmentsEndOnAsciiBytes(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                || charset.name().startsWith("ISO-8859-");
    }

    /** The MSH-10 of an ER7 message already decoded to text. */
    Optional<String> messageControlId(String text) {
        String msh = mshSegment(text);
        if (msh == null) {
            return Optional.empty();
        }
        try {
            // The first component of MSH-10, read by scanning the one segment: HAPI's parsers (even its pre-parser)
            // cost more than the rest of a submission's bookkeeping; HAPI still does the unescaping.
            EncodingCharacters separators = encodingCharacters(msh);
            String raw = firstComponent(field(msh, MSH_10), separators);
            return nonBlank(raw == null ? null : escaping.unescape(raw, separators));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first repetition's first component's first subcomponent: what Terser.get(msh, 10, 0, 1, 1) reads. */
    private static String firstComponent(String field, EncodingCharacters separators) {
        if (field == null) {
            return null;
        }
        return cut(cut(cut(field, separators.getRepetitionSeparator()), separators.getComponentSeparator()),
                separators.getSubcomponentSeparator());
    }

    private static String cut(String text, char separator) {
        int at = text.indexOf(separator);
        return at < 0 ? text : text.substring(0, at);
    }

    /**
     * The first MSH segment (a batch may start with FHS/BHS), cut at its segment terminator: \r as the standard
     * says, or \n as files edited on Unix have it.
     */
    static String mshSegment(String text) {
        int at = mshStart(text);
        return at < 0 ? null : text.substring(at, mshEnd(text, at));
    }

    /** Where the first MSH segment starts, or -1 (also when it is too short to hold its separators). */
    private static int mshStart(String text) {
        int at = text.startsWith("MSH") ? 0 : indexOfSegment(text, "MSH");
        return at < 0 || text.length() < at + 8 ? -1 : at;
    }

    private static int mshEnd(String text, int at) {
        int end = at;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        return end;
    }

    private static int indexOfSegment(String text, String name) {
        for (String terminator : new String[] {"\r", "\n"}) {
            int at = text.indexOf(terminator + name);
            if (at >= 0) {
                return at + 1;
            }
        }
        return -1;
    }

    /** MSH-n as raw text, or null. MSH-1 is the field separator itself, so MSH-n follows the (n-1)th separator. */
    private static String field(String msh, int number) {
        char separator = msh.charAt(3);
        int start = 3;
        for (int i = 1; i < number - 1; i++) {
            start = msh.indexOf(separator, start + 1);
            if (start < 0) {
                return null;
            }
        }
        int end = msh.indexOf(separator, start + 1);
        return msh.substring(start + 1, end < 0 ? msh.length() : end);
    }

    /** MSH-1 and MSH-2: the separators and the escape character the field text is written with. */
    private static EncodingCharacters encodingCharacters(String msh) {
        char separator = msh.charAt(3);
        int end = msh.indexOf(separator, 4);
        return new EncodingCharacters(separator, msh.substring(4, end < 0 ? msh.length() : end));
    }

    private static char repetitionSeparator(String msh) {
        return msh.length() > 5 ? msh.charAt(5) : '~';
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
