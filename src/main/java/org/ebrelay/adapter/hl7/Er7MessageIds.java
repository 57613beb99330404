package org.ebrelay.adapter.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.ParserConfiguration;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * MSH-10 (message control id) of an HL7 v2 message in ER7 ("pipe") encoding, read with HAPI.
 * Only the MSH segment is parsed ({@link PipeParser#getCriticalResponseData}): a full parse would cost more
 * and fail on messages whose body does not match the 2.5.1 structures, while the id sits in MSH.
 */
final class Er7MessageIds {
    private static final int MSH_10 = 10;
    private static final int MSH_18 = 18;

    private final PipeParser parser;

    Er7MessageIds() {
        ParserConfiguration config = new ParserConfiguration();
        config.setValidating(false);
        config.setAllowUnknownVersions(true);
        // HAPI's default id generator writes ./id_file when it makes an ACK; never touch the working directory.
        config.setIdGenerator(new InMemoryIDGenerator());
        // Every 2.x version is read into the 2.5.1 structures, the only ones on the classpath.
        DefaultHapiContext context = new DefaultHapiContext(config, ValidationContextFactory.noValidation(),
                new CanonicalModelClassFactory("2.5.1"));
        this.parser = context.getPipeParser();
    }

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
            Segment segment = parser.getCriticalResponseData(msh);
            return nonBlank(Terser.get(segment, MSH_10, 0, 1, 1));
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

    private static char repetitionSeparator(String msh) {
        return msh.length() > 5 ? msh.charAt(5) : '~';
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
