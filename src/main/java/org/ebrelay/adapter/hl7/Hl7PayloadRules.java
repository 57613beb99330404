package org.ebrelay.adapter.hl7;

import org.ebrelay.adapter.xml.SecureXml;
import org.ebrelay.app.port.out.PayloadRules;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The payload rules for HL7: XML payloads (HL7 v3 {@code application/hl7-v3+xml}, HL7 v2 XML
 * {@code application/hl7-v2+xml}, {@code text/xml}, {@code application/xml}, any {@code +xml}, or content that
 * starts with {@code <} under a generic type) must be well formed, read with the hardened StAX reader (a DOCTYPE is
 * refused: no DTD, no external entity). HL7 v2 ER7 payloads (recognised by their MSH, FHS or BHS) are decoded in
 * the charset MSH-18 names (HL7 table 0211), else the one the content type names: they must decode cleanly, and
 * their content type carries that charset, so that every later reader (partner, inbox, MLLP out) decodes them alike.
 */
public final class Hl7PayloadRules implements PayloadRules {
    private static final int MLLP_START_BLOCK = 0x0B;

    private final XMLInputFactory xml = SecureXml.staxFactory();

    @Override
    public Checked check(String contentType, byte[] content) {
        if (content == null || content.length == 0 || contentType == null) {
            return Checked.ok(contentType);
        }
        int start = firstSignificantByte(content);
        if (declaresXml(contentType) || (start < content.length && content[start] == '<' && isGeneric(contentType))) {
            return wellFormed(content).map(Checked::refused).orElse(Checked.ok(contentType));
        }
        if (start < content.length - 3 && isEr7Start(content, start)) {
            return er7(contentType, content, start);
        }
        return Checked.ok(contentType);
    }

    private Checked er7(String contentType, byte[] content, int start) {
        Optional<Charset> declared = Er7MessageIds.declaredCharset(content, start);
        Optional<Charset> charset = declared.or(() -> Hl7Charsets.fromContentType(contentType));
        if (charset.isEmpty()) {
            return Checked.ok(contentType);
        }
        try {
            charset.get().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
        } catch (CharacterCodingException e) {
            return Checked.refused("the HL7 v2 message is not valid " + charset.get().name() + " ("
                    + (declared.isPresent() ? "as its MSH-18 declares" : "as its content type declares") + ")");
        }
        return Checked.ok(withCharset(contentType, charset.get()));
    }

    /** Why the content is not well-formed XML, or empty when it is. */
    private Optional<String> wellFormed(byte[] content) {
        XMLStreamReader reader = null;
        try {
            reader = xml.createXMLStreamReader(new ByteArrayInputStream(content));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.DTD) {
                    return Optional.of("the XML declares a DOCTYPE, which is not accepted (no DTDs or entities)");
                }
            }
            return Optional.empty();
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.of("not well-formed XML: " + e.getMessage().replace('\n', ' '));
        } finally {
            close(reader);
        }
    }

    /** The content type with its charset parameter set to {@code charset} (any other parameter kept). */
    static String withCharset(String contentType, Charset charset) {
        StringBuilder result = new StringBuilder();
        for (String part : contentType.split(";")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty() || trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                continue;
            }
            result.append(result.length() == 0 ? "" : "; ").append(trimmed);
        }
        return result.append("; charset=").append(charset.name()).toString();
    }

    private static boolean declaresXml(String contentType) {
        String type = mediaType(contentType);
        return type.endsWith("/xml") || type.endsWith("+xml");
    }

    /** Types partners use for anything: sniffed for XML. */
    private static boolean isGeneric(String contentType) {
        String type = mediaType(contentType);
        return type.equals("text/plain") || type.equals("application/octet-stream")
                || type.startsWith("application/hl7");
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isEr7Start(byte[] content, int at) {
        String head = new String(content, at, 4, StandardCharsets.ISO_8859_1);
        String segment = head.substring(0, 3);
        char separator = head.charAt(3);
        return (segment.equals("MSH") || segment.equals("FHS") || segment.equals("BHS"))
                && separator > ' ' && separator < 0x7F && !Character.isLetterOrDigit(separator);
    }

    private static int firstSignificantByte(byte[] content) {
        int i = 0;
        while (i < content.length && (content[i] == MLLP_START_BLOCK || content[i] == ' ' || content[i] == '\t'
                || content[i] == '\r' || content[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // an in-memory stream: nothing held
            }
        }
    }
}
