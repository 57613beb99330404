package org.ebrelay.adapter.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escaping;
import ca.uhn.hl7v2.preparser.PreParser;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * MSH-10 (message control id) of an HL7 v2 message in ER7 ("pipe") encoding, read with HAPI.
 * Only the first MSH segment is read, by HAPI's pre-parser: a full parse would cost more and fail on messages whose
 * body does not match the 2.5.1 structures, while the id sits in MSH.
 */
final class Er7MessageIds {
    private static final int MSH_18 = 18;

    private final Escaping escaping = new DefaultEscaping();

    /**
     * The MSH-10 of the ER7 message in {@code content} from {@code start} (after any BOM, MLLP start byte and
     * whitespace), decoded in the charset MSH-18 names, else {@code fallback}.
     */
    Optional<String> messageControlId(byte[] content, int start, Charset fallback) {
        String latin = Hl7Charsets.decode(content, start, StandardCharsets.ISO_8859_1);
        String firstMsh = mshSegment(latin);
        if (firstMsh == null) {
            return Optional.empty();
        }
        Charset charset = Hl7Charsets.forMsh18(field(firstMsh, MSH_18), repetitionSeparator(firstMsh)).orElse(fallback);
        return messageControlId(charset.equals(StandardCharsets.ISO_8859_1) ? latin
                : Hl7Charsets.decode(content, start, charset));
    }

    /** The MSH-10 of an ER7 message already decoded to text. */
    Optional<String> messageControlId(String text) {
        String msh = mshSegment(text);
        if (msh == null) {
            return Optional.empty();
        }
        try {
            // HAPI's pre-parser reads the fields of the one segment without building a message model: about a
            // tenth of the cost of parsing MSH into its structure, on every submission and every receipt.
            String[] fields = PreParser.getFields(msh, "MSH-10");
            String raw = fields.length == 0 ? null : fields[0];
            return nonBlank(raw == null ? null : escaping.unescape(raw, encodingCharacters(msh)));
        } catch (HL7Exception | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The first MSH segment (a batch may start with FHS/BHS), cut at its segment terminator: \r as the standard
     * says, or \n as files edited on Unix have it.
     */
    static String mshSegment(String text) {
        int at = text.startsWith("MSH") ? 0 : indexOfSegment(text, "MSH");
        if (at < 0 || text.length() < at + 8) {
            return null;
        }
        int end = at;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        return text.substring(at, end);
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

    /** MSH-n as raw text, or null. MSH-1 is the field separator itself, so MSH-n is the (n-1)th split part. */
    private static String field(String msh, int number) {
        String[] parts = msh.split(java.util.regex.Pattern.quote(String.valueOf(msh.charAt(3))), -1);
        return number - 1 < parts.length ? parts[number - 1] : null;
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
