package org.ebrelay.adapter.hl7;

import org.ebrelay.adapter.xml.SecureXml;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Message ids of XML-encoded HL7: v2 XML (MSH/MSH.10) and v3 (the root element's {@code id}).
 * A streaming read through {@link SecureXml}: HAPI's XML parser would take the payload as a String and parse
 * it with its own, less limited DOM factory, and would need message structure classes to reach a plain field.
 */
final class XmlMessageIds {
    static final String V2_NAMESPACE = "urn:hl7-org:v2xml";
    static final String V3_NAMESPACE = "urn:hl7-org:v3";

    private final XMLInputFactory factory = SecureXml.staxFactory();

    /** The id of the HL7 document in {@code content} from {@code offset}; empty when it is not HL7 XML, not well formed or hostile. */
    Optional<String> messageId(byte[] content, int offset) {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(content, offset, content.length - offset));
            if (!toRootElement(reader)) {
                return Optional.empty();
            }
            String namespace = reader.getNamespaceURI();
            if (V3_NAMESPACE.equals(namespace)) {
                return v3Id(reader);
            }
            if (V2_NAMESPACE.equals(namespace) || namespace == null || namespace.isEmpty()) {
                return v2ControlId(reader, namespace);
            }
            return Optional.empty();
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        } finally {
            close(reader);
        }
    }

    /** Moves to the root element; false when there is none or a DOCTYPE comes first (never processed). */
    private static boolean toRootElement(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                return false;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** {@code ROOT^EXTENSION}, or {@code ROOT}, from the first {@code id} child of the root element. */
    private static Optional<String> v3Id(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2 && V3_NAMESPACE.equals(reader.getNamespaceURI()) && "id".equals(reader.getLocalName())) {
                    String root = trimToNull(reader.getAttributeValue(null, "root"));
                    String extension = trimToNull(reader.getAttributeValue(null, "extension"));
                    if (root == null) {
                        return Optional.empty();
                    }
                    return Optional.of(extension == null ? root : root + "^" + extension);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return Optional.empty();
    }

    /** The text of MSH.10 inside the MSH segment element, a child of the root. */
    private static Optional<String> v2ControlId(XMLStreamReader reader, String namespace) throws XMLStreamException {
        int depth = 1;
        boolean inMsh = false;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (!sameNamespace(namespace, reader.getNamespaceURI())) {
                    continue;
                }
                if (depth == 2) {
                    inMsh = "MSH".equals(reader.getLocalName());
                } else if (depth == 3 && inMsh && "MSH.10".equals(reader.getLocalName())) {
                    return Optional.ofNullable(trimToNull(reader.getElementText()));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return Optional.empty();
    }

    private static boolean sameNamespace(String expected, String actual) {
        return (expected == null || expected.isEmpty()) ? actual == null || actual.isEmpty() : expected.equals(actual);
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was held open but the in-memory stream
            }
        }
    }
}
