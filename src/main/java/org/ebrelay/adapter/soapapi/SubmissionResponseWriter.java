package org.ebrelay.adapter.soapapi;

import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

import static org.ebrelay.adapter.soapapi.SubmissionRequestReader.NS;

/** Writes the response bodies of the SOAP API, as the WSDL's schema defines them. */
final class SubmissionResponseWriter {
    private static final String PREFIX = "ebr";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    byte[] accepted(SubmissionResult.Accepted accepted) {
        return write(xml -> {
            start(xml, "SubmitMessageResponse");
            xml.writeNamespace(PREFIX, NS);
            field(xml, "messageId", accepted.messageId());
            field(xml, "hl7MessageId", accepted.hl7MessageId());
            field(xml, "state", accepted.state());
            xml.writeEndElement();
        });
    }

    byte[] messages(List<MessageView> messages) {
        return write(xml -> {
            start(xml, "GetMessageStatusResponse");
            xml.writeNamespace(PREFIX, NS);
            for (MessageView m : messages) {
                message(xml, m);
            }
            xml.writeEndElement();
        });
    }

    private static void message(XMLStreamWriter xml, MessageView m) throws XMLStreamException {
        start(xml, "message");
        field(xml, "messageId", m.messageId());
        start(xml, "messageIds");
        for (String id : m.messageIds()) {
            field(xml, "messageId", id);
        }
        xml.writeEndElement();
        field(xml, "hl7MessageId", m.hl7MessageId());
        field(xml, "direction", m.direction());
        field(xml, "state", m.state());
        field(xml, "attempts", Integer.toString(m.attempts()));
        field(xml, "cpaId", m.cpaId());
        field(xml, "conversationId", m.conversationId());
        field(xml, "from", m.from());
        field(xml, "to", m.to());
        field(xml, "service", m.service());
        field(xml, "action", m.action());
        field(xml, "createdAt", time(m.createdAt()));
        start(xml, "events");
        for (MessageView.Event e : m.events()) {
            start(xml, "event");
            field(xml, "time", time(e.time()));
            field(xml, "type", e.type());
            field(xml, "detail", e.detail());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void start(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeStartElement(PREFIX, name, NS);
    }

    /** A child element with text; left out when the value is null (every optional field is minOccurs=0). */
    private static void field(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null) {
            start(xml, name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private byte[] write(XmlBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
            body.write(xml);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a SOAP API response", e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }
}
