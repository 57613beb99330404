package org.ebrelay.adapter.hl7;

import org.ebrelay.app.port.out.Hl7Ids;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The HL7 message id of a payload, for logs, reports and the link between an ebXML message and the HL7
 * message it carries:
 * <ul>
 *   <li>HL7 v2 ER7: MSH-10, decoded in the MSH-18 charset (else the Content-Type charset, else UTF-8);</li>
 *   <li>HL7 v2 XML: MSH/MSH.10;</li>
 *   <li>HL7 v3: the root element's {@code id}, as {@code ROOT^EXTENSION} or {@code ROOT}.</li>
 * </ul>
 * The encoding is recognised from the content: partners label HL7 as text/plain, application/octet-stream or
 * worse. Building one is costly (HAPI's context): make one and share it; it is safe for concurrent use.
 */
public final class Hl7MessageIds implements Hl7Ids {
    private static final int MLLP_START_BLOCK = 0x0B;

    private final Er7MessageIds er7 = new Er7MessageIds();
    private final XmlMessageIds xml = new XmlMessageIds();

    /**
     * The HL7 message id of {@code content}; empty when it is not HL7 or carries no id. Never throws.
     *
     * @param contentType the payload's MIME type as received (may be null); only its charset is used
     */
    public Optional<String> extract(String contentType, byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        try {
            return byContent(contentType, content);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private Optional<String> byContent(String contentType, byte[] content) {
        Optional<Hl7Charsets.Bom> bom = Hl7Charsets.bom(content);
        if (bom.isPresent()) {
            // The byte order mark fixes the charset; the XML reader understands marks itself.
            String text = stripLeading(Hl7Charsets.decode(content, bom.get().length(), bom.get().charset()));
            if (text.startsWith("<")) {
                return xml.messageId(content, 0);
            }
            return startsEr7(text) ? er7.messageControlId(text) : Optional.empty();
        }
        int start = firstSignificantByte(content);
        if (start >= content.length) {
            return Optional.empty();
        }
        if (content[start] == '<') {
            return xml.messageId(content, start);
        }
        String head = new String(content, start, Math.min(4, content.length - start), StandardCharsets.ISO_8859_1);
        if (startsEr7(head)) {
            Charset fallback = Hl7Charsets.fromContentType(contentType).orElse(StandardCharsets.UTF_8);
            return er7.messageControlId(content, start, fallback);
        }
        return Optional.empty();
    }

    /** Skips the MLLP start byte and white space some senders leave in front of the message. */
    private static int firstSignificantByte(byte[] content) {
        int i = 0;
        while (i < content.length && isIgnorable(content[i])) {
            i++;
        }
        return i;
    }

    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && isIgnorable(text.charAt(i))) {
            i++;
        }
        return text.substring(i);
    }

    private static boolean isIgnorable(int c) {
        return c == MLLP_START_BLOCK || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** MSH, or a batch header (FHS, BHS), followed by a field separator. */
    private static boolean startsEr7(String text) {
        if (text.length() < 4) {
            return false;
        }
        String segment = text.substring(0, 3);
        char separator = text.charAt(3);
        return (segment.equals("MSH") || segment.equals("FHS") || segment.equals("BHS"))
                && separator > ' ' && separator < 0x7F && !Character.isLetterOrDigit(separator);
    }

    /** The {@link Hl7Ids} port: the same as {@link #extract}. */
    @Override
    public Optional<String> of(String contentType, byte[] content) {
        return extract(contentType, content);
    }
}
