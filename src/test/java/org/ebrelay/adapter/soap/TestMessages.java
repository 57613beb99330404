package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.WireMessage;

import java.nio.charset.StandardCharsets;

/** Hand-built ebXML messages for tests: a valid reliable user message and MSH-service messages to break. */
final class TestMessages {
    static final String NS = "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:eb=\"http://www.oasis-open.org/committees/ebxml-msg/schema/msg-header-2_0.xsd\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
    static final String PAYLOAD_CID = "payload-1@example.org";
    static final String HL7 = "MSH|^~\\&|LIS|NRL|HIS|RGH|20261122093000||ORU^R01^ORU_R01|NRL000123|P|2.5.1\rPID|1||123\r";
    static final String BOUNDARY = "=_b0undary_1";
    static final String PACKAGE_TYPE = "multipart/related; type=\"text/xml\"; boundary=\"" + BOUNDARY
            + "\"; start=\"<soap-part@example.org>\"";

    private TestMessages() {
    }

    /** A valid reliable user message referring to one payload ({@link #PAYLOAD_CID}). */
    static String userMessage() {
        return envelope(messageHeader("urn:example:services:hl7", "HL7Message", "", "<eb:DuplicateElimination/>")
                        + "<eb:AckRequested eb:version=\"2.0\" soap:mustUnderstand=\"1\" eb:signed=\"false\" "
                        + "soap:actor=\"urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH\"/>",
                "<eb:Manifest eb:version=\"2.0\"><eb:Reference xlink:href=\"cid:" + PAYLOAD_CID + "\"/></eb:Manifest>");
    }

    /** An MSH-service message with this action, RefToMessageId (or none), extra header blocks and body. */
    static String mshMessage(String action, String refToMessageId, String extraHeader, String body) {
        String refTo = refToMessageId == null ? "" : "<eb:RefToMessageId>" + refToMessageId + "</eb:RefToMessageId>";
        return envelope(messageHeader("urn:oasis:names:tc:ebxml-msg:service", action, refTo, "") + extraHeader, body);
    }

    /** A standalone Acknowledgment of msg-0@example.org. */
    static String acknowledgment(String extraHeader) {
        return mshMessage("Acknowledgment", "msg-0@example.org",
                "<eb:Acknowledgment eb:version=\"2.0\" soap:mustUnderstand=\"1\">"
                        + "<eb:Timestamp>2026-11-21T10:00:01Z</eb:Timestamp>"
                        + "<eb:RefToMessageId>msg-0@example.org</eb:RefToMessageId></eb:Acknowledgment>" + extraHeader, "");
    }

    static String messageHeader(String service, String action, String refTo, String afterMessageData) {
        return "<eb:MessageHeader eb:version=\"2.0\" soap:mustUnderstand=\"1\">"
                + "<eb:From><eb:PartyId eb:type=\"urn:oid:1.2.3\">PEER</eb:PartyId><eb:Role>Sender</eb:Role></eb:From>"
                + "<eb:To><eb:PartyId eb:type=\"urn:oid:1.2.3\">GATEWAY</eb:PartyId><eb:Role>Receiver</eb:Role></eb:To>"
                + "<eb:CPAId>CPA-1</eb:CPAId><eb:ConversationId>conv-1</eb:ConversationId>"
                + "<eb:Service>" + service + "</eb:Service><eb:Action>" + action + "</eb:Action>"
                + "<eb:MessageData><eb:MessageId>msg-1@example.org</eb:MessageId>"
                + "<eb:Timestamp>2026-11-21T10:00:00Z</eb:Timestamp>" + refTo
                + "<eb:TimeToLive>2026-11-22T10:00:00Z</eb:TimeToLive></eb:MessageData>"
                + afterMessageData + "</eb:MessageHeader>";
    }

    static String envelope(String header, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soap:Envelope " + NS + ">\n<soap:Header>" + header
                + "</soap:Header>\n<soap:Body>" + body + "</soap:Body>\n</soap:Envelope>\n";
    }

    /** A bare envelope as an HTTP POST would carry it. */
    static WireMessage bare(String soap) {
        return new WireMessage("text/xml; charset=UTF-8", WireMessage.EBXML_SOAP_ACTION, soap.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code soap} as the root part of a CRLF multipart/related package with the HL7 v2 payload. */
    static WireMessage packaged(String soap) {
        return packaged(soap, "Content-ID: <" + PAYLOAD_CID + ">\r\nContent-Type: application/hl7-v2\r\n\r\n" + HL7);
    }

    /** {@code soap} as the root part, then one part given as its headers, empty line and content. */
    static WireMessage packaged(String soap, String secondPart) {
        String body = "--" + BOUNDARY + "\r\nContent-ID: <soap-part@example.org>\r\nContent-Type: text/xml; charset=UTF-8\r\n\r\n"
                + soap + "\r\n--" + BOUNDARY + "\r\n" + secondPart + "\r\n--" + BOUNDARY + "--\r\n";
        return new WireMessage(PACKAGE_TYPE, WireMessage.EBXML_SOAP_ACTION, body.getBytes(StandardCharsets.UTF_8));
    }
}
