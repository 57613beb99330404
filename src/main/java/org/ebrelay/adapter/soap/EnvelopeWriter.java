package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.Acknowledgment;
import org.ebrelay.domain.message.Description;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.SignatureReference;
import org.ebrelay.domain.message.StatusRequest;
import org.ebrelay.domain.message.StatusResponse;

import java.util.List;

/**
 * Writes the SOAP 1.1 envelope of an ebXML message (the Header Container), element by element in the order
 * the ebMS 2.0 schema requires. Every ebXML element carries eb:version="2.0" (ENV-2) and every header
 * element SOAP:mustUnderstand="1" (ENV-3). Prefixes are fixed: SOAP, eb, xlink, ds.
 */
final class EnvelopeWriter {
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String EB_NS = "http://www.oasis-open.org/committees/ebxml-msg/schema/msg-header-2_0.xsd";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XPATH_TRANSFORM = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    static final String SOAP_NEXT_ACTOR = "http://schemas.xmlsoap.org/soap/actor/next";

    private final XmlTextWriter xml;

    private EnvelopeWriter(int expectedChars) {
        xml = new XmlTextWriter(expectedChars);
    }

    /** The envelope of {@code message} as UTF-8 bytes. Manifest references are written by {@link ManifestWriter}. */
    static byte[] write(EbmsMessage message) {
        EnvelopeWriter w = new EnvelopeWriter(2048);
        w.envelope(message);
        return w.xml.toUtf8();
    }

    private void envelope(EbmsMessage m) {
        xml.start("SOAP:Envelope").attribute("xmlns:SOAP", SOAP_NS).attribute("xmlns:eb", EB_NS)
                .attribute("xmlns:xlink", XLINK_NS);
        if (m.acknowledgment() != null && !m.acknowledgment().references().isEmpty()) {
            xml.attribute("xmlns:ds", DS_NS);
        }
        xml.start("SOAP:Header");
        messageHeader(m.header());
        if (m.ackRequested() != null) {
            ackRequested(m.ackRequested());
        }
        if (m.acknowledgment() != null) {
            acknowledgment(m.acknowledgment());
        }
        if (m.errorList() != null) {
            errorList(m.errorList());
        }
        if (m.syncReply()) {
            headerElement("eb:SyncReply").attribute("SOAP:actor", SOAP_NEXT_ACTOR).end();
        }
        if (m.messageOrder() != null) {
            messageOrder(m.messageOrder());
        }
        xml.end().start("SOAP:Body");
        if (m.manifest() != null) {
            ManifestWriter.write(xml, m.manifest(), m.payloads());
        }
        if (m.statusRequest() != null) {
            statusRequest(m.statusRequest());
        }
        if (m.statusResponse() != null) {
            statusResponse(m.statusResponse());
        }
        xml.end().end();
    }

    private XmlTextWriter headerElement(String qname) {
        return xml.start(qname).attribute("SOAP:mustUnderstand", "1").attribute("eb:version", "2.0");
    }

    private void messageHeader(MessageHeader h) {
        headerElement("eb:MessageHeader");
        party("eb:From", h.from());
        party("eb:To", h.to());
        xml.element("eb:CPAId", h.cpaId().value());
        xml.element("eb:ConversationId", h.conversationId().value());
        xml.start("eb:Service").attribute("eb:type", h.service().type()).text(h.service().value()).end();
        xml.element("eb:Action", h.action());
        messageData(h.messageData());
        if (h.duplicateElimination()) {
            xml.start("eb:DuplicateElimination").end();
        }
        descriptions(h.descriptions());
        xml.end();
    }

    private void party(String qname, Party party) {
        xml.start(qname);
        for (PartyId id : party.partyIds()) {
            xml.start("eb:PartyId").attribute("eb:type", id.type()).text(id.value()).end();
        }
        if (party.role() != null) {
            xml.element("eb:Role", party.role());
        }
        xml.end();
    }

    private void messageData(MessageData d) {
        xml.start("eb:MessageData");
        xml.element("eb:MessageId", d.messageId().value());
        xml.element("eb:Timestamp", WireText.timestamp(d.timestamp()));
        if (d.refToMessageId() != null) {
            xml.element("eb:RefToMessageId", d.refToMessageId().value());
        }
        if (d.timeToLive() != null) {
            xml.element("eb:TimeToLive", WireText.timestamp(d.timeToLive()));
        }
        xml.end();
    }

    /** Descriptions without text are left out: the schema requires a non-empty string. */
    static void descriptions(XmlTextWriter xml, List<Description> descriptions) {
        for (Description d : descriptions) {
            if (!d.text().isEmpty()) {
                xml.start("eb:Description").attribute("xml:lang", WireText.requireLanguage(d.lang()))
                        .text(d.text()).end();
            }
        }
    }

    private void descriptions(List<Description> descriptions) {
        descriptions(xml, descriptions);
    }

    private void ackRequested(AckRequested a) {
        headerElement("eb:AckRequested").attribute("SOAP:actor", a.actor().uri())
                .attribute("eb:signed", Boolean.toString(a.signed())).end();
    }

    private void acknowledgment(Acknowledgment a) {
        headerElement("eb:Acknowledgment").attribute("SOAP:actor", a.actor() == null ? null : a.actor().uri());
        xml.element("eb:Timestamp", WireText.timestamp(a.timestamp()));
        xml.element("eb:RefToMessageId", a.refToMessageId().value());
        if (a.from() != null) {
            party("eb:From", a.from());
        }
        for (SignatureReference r : a.references()) {
            signatureReference(r);
        }
        xml.end();
    }

    /** A ds:Reference copy (ACK-7). The XPath text goes into the XPath filter transform, if there is one. */
    private void signatureReference(SignatureReference r) {
        if (r.digestMethod() == null || r.digestValue() == null) {
            throw new IllegalArgumentException("a ds:Reference copy needs DigestMethod and DigestValue: " + r.uri());
        }
        xml.start("ds:Reference").attribute("URI", r.uri());
        if (!r.transforms().isEmpty()) {
            xml.start("ds:Transforms");
            for (String algorithm : r.transforms()) {
                xml.start("ds:Transform").attribute("Algorithm", algorithm);
                if (XPATH_TRANSFORM.equals(algorithm) && r.xpath() != null) {
                    xml.element("ds:XPath", r.xpath());
                }
                xml.end();
            }
            xml.end();
        }
        xml.start("ds:DigestMethod").attribute("Algorithm", r.digestMethod()).end();
        xml.element("ds:DigestValue", r.digestValue());
        xml.end();
    }

    private void errorList(ErrorList list) {
        headerElement("eb:ErrorList").attribute("eb:highestSeverity", list.highestSeverity().wireName());
        for (EbmsError e : list.errors()) {
            xml.start("eb:Error").attribute("eb:codeContext", e.codeContext()).attribute("eb:errorCode", e.errorCode())
                    .attribute("eb:severity", e.severity().wireName()).attribute("eb:location", e.location());
            if (e.description() != null && !e.description().isEmpty()) {
                xml.start("eb:Description").attribute("xml:lang", "en").text(e.description()).end();
            }
            xml.end();
        }
        xml.end();
    }

    private void messageOrder(MessageOrder order) {
        headerElement("eb:MessageOrder");
        xml.start("eb:SequenceNumber").attribute("eb:status", order.status().wireName())
                .text(Long.toString(order.sequenceNumber())).end();
        xml.end();
    }

    private void statusRequest(StatusRequest request) {
        xml.start("eb:StatusRequest").attribute("eb:version", "2.0");
        xml.element("eb:RefToMessageId", request.refToMessageId().value());
        xml.end();
    }

    private void statusResponse(StatusResponse response) {
        xml.start("eb:StatusResponse").attribute("eb:version", "2.0")
                .attribute("eb:messageStatus", response.status().wireName());
        xml.element("eb:RefToMessageId", response.refToMessageId().value());
        if (response.timestamp() != null) {
            xml.element("eb:Timestamp", WireText.timestamp(response.timestamp()));
        }
        xml.end();
    }
}
