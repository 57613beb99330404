package org.ebrelay.adapter.soapapi;

import org.ebrelay.adapter.xml.SecureXml;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of a SOAP API request with the hardened StAX parser. Anything the WSDL does not allow (an unknown
 * element, a missing or repeated field, bad base64, a DOCTYPE) is an {@link ApiFault} MalformedRequest.
 */
final class SubmissionRequestReader {
    static final String NS = "urn:ebrelay:submission:1";

    /** One request of the API. */
    sealed interface Request permits Submit, GetStatus {
    }

    record Submit(Submission submission) implements Request {
    }

    record GetStatus(String id) implements Request {
    }

    private final XMLInputFactory factory = SecureXml.staxFactory();

    Request read(byte[] body) {
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                nextElement(xml);
                if (!NS.equals(xml.getNamespaceURI())) {
                    throw ApiFault.malformed("the request element must be in the namespace " + NS);
                }
                return switch (xml.getLocalName()) {
                    case "SubmitMessageRequest" -> new Submit(submission(xml));
                    case "GetMessageStatusRequest" -> new GetStatus(status(xml));
                    default -> throw ApiFault.malformed("unknown operation element " + xml.getLocalName());
                };
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw ApiFault.malformed("the request cannot be read: " + e.getMessage());
        }
    }

    private static Submission submission(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        String serviceType = null;
        List<Submission.Payload> payloads = new ArrayList<>();
        while (nextChild(xml)) {
            String name = xml.getLocalName();
            switch (name) {
                case "payload" -> payloads.add(payload(xml, payloads.size()));
                case "service" -> {
                    serviceType = xml.getAttributeValue(null, "type");
                    putOnce(fields, name, xml.getElementText());
                }
                case "cpaId", "action", "from", "to", "hl7MessageId", "conversationId" ->
                        putOnce(fields, name, xml.getElementText());
                default -> throw ApiFault.malformed("unexpected element " + name + " in SubmitMessageRequest");
            }
        }
        if (payloads.isEmpty()) {
            throw ApiFault.malformed("a SubmitMessageRequest needs at least one payload");
        }
        String service = fields.get("service");
        return new Submission(
                CpaId.of(required(fields, "cpaId")),
                blank(service) ? null : Service.of(serviceType, service),
                required(fields, "action"),
                party(fields.get("from"), "from"),
                party(required(fields, "to"), "to"),
                payloads,
                blank(fields.get("hl7MessageId")) ? null : fields.get("hl7MessageId").strip(),
                blank(fields.get("conversationId")) ? null : ConversationId.of(fields.get("conversationId").strip()));
    }

    private static Submission.Payload payload(XMLStreamReader xml, int index) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (nextChild(xml)) {
            String name = xml.getLocalName();
            if (!name.equals("contentType") && !name.equals("content")) {
                throw ApiFault.malformed("unexpected element " + name + " in payload " + (index + 1));
            }
            putOnce(fields, name, xml.getElementText());
        }
        String contentType = required(fields, "contentType");
        byte[] content;
        try {
            content = Base64.getDecoder().decode(required(fields, "content").replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw ApiFault.malformed("payload " + (index + 1) + " content is not base64: " + e.getMessage());
        }
        if (content.length == 0) {
            throw ApiFault.malformed("payload " + (index + 1) + " is empty");
        }
        return new Submission.Payload(contentType, content);
    }

    private static String status(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (nextChild(xml)) {
            if (!xml.getLocalName().equals("id")) {
                throw ApiFault.malformed("unexpected element " + xml.getLocalName() + " in GetMessageStatusRequest");
            }
            putOnce(fields, "id", xml.getElementText());
        }
        return required(fields, "id");
    }

    /** Moves to the first element; a DOCTYPE (which the hardened factory still reports) is refused. */
    private static void nextElement(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw ApiFault.malformed("a DOCTYPE is not allowed");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw ApiFault.malformed("the request body is empty");
    }

    /** Advances to the next child element of the current one (true), or past its end tag (false). */
    private static boolean nextChild(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!NS.equals(xml.getNamespaceURI())) {
                    throw ApiFault.malformed("element " + xml.getLocalName() + " must be in the namespace " + NS);
                }
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (event == XMLStreamConstants.CHARACTERS && !xml.isWhiteSpace()) {
                throw ApiFault.malformed("unexpected text '" + xml.getText().strip() + "'");
            }
        }
        return false;
    }

    private static void putOnce(Map<String, String> fields, String name, String value) {
        if (fields.put(name, value) != null) {
            throw ApiFault.malformed("element " + name + " appears twice");
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (blank(value)) {
            throw ApiFault.malformed("element " + name + " is required");
        }
        return value.strip();
    }

    private static PartyId party(String text, String name) {
        if (blank(text)) {
            return null;
        }
        try {
            return PartyIds.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiFault.malformed(name + ": " + e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
