package org.ebrelay.boot.cli;

import org.ebrelay.adapter.xml.SecureXml;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;

/**
 * Guesses a payload's media type when {@code ebrelay send} is not given {@code --content-type}:
 * <ul>
 *   <li>HL7 v2 ER7 (starts with {@code MSH}, {@code FHS} or {@code BHS} and a field separator) → {@value #HL7_V2}</li>
 *   <li>XML whose root element is in the HL7 v3 namespace → {@value #HL7_V3} (what HL7 v3 exchanges such as
 *       NHS Spine carry)</li>
 *   <li>other well-formed XML → {@value #XML}</li>
 *   <li>anything else → {@value #OCTETS}</li>
 * </ul>
 * A byte-order mark, leading white space and an MLLP start byte are skipped.
 */
final class PayloadTypes {
    static final String HL7_V2 = "application/hl7-v2";
    static final String HL7_V3 = "text/xml";
    static final String XML = "application/xml";
    static final String OCTETS = "application/octet-stream";
    static final String HL7_V3_NAMESPACE = "urn:hl7-org:v3";

    private static final XMLInputFactory XML_FACTORY = SecureXml.staxFactory();

    private PayloadTypes() {
    }

    static String guess(byte[] content) {
        int start = firstSignificant(content);
        if (isEr7(content, start)) {
            return HL7_V2;
        }
        if (start < content.length && content[start] == '<') {
            String namespace = rootNamespace(content);
            if (namespace != null) {
                return namespace.equals(HL7_V3_NAMESPACE) ? HL7_V3 : XML;
            }
        }
        return OCTETS;
    }

    private static int firstSignificant(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < content.length && (content[i] == 0x0B || Character.isWhitespace(content[i]))) {
            i++;
        }
        return i;
    }

    private static boolean isEr7(byte[] content, int start) {
        if (content.length < start + 4) {
            return false;
        }
        String segment = new String(content, start, 3, java.nio.charset.StandardCharsets.US_ASCII);
        byte separator = content[start + 3];
        return (segment.equals("MSH") || segment.equals("FHS") || segment.equals("BHS"))
                && separator > 0x20 && separator < 0x7F && !Character.isLetterOrDigit(separator);
    }

    /** The root element's namespace ("" when none), or null when the content is not XML up to its root. */
    private static String rootNamespace(byte[] content) {
        try {
            XMLStreamReader xml = XML_FACTORY.createXMLStreamReader(new ByteArrayInputStream(content));
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String namespace = xml.getNamespaceURI();
                        return namespace == null ? "" : namespace;
                    }
                }
                return null;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            return null;
        }
    }
}
