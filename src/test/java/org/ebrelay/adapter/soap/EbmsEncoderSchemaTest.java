package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.WireMessage;

import org.ebrelay.adapter.xml.XmlSchemas;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageStatus;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.adapter.soap.EncodedXml.EB;
import static org.ebrelay.adapter.soap.EncodedXml.SOAP;
import static org.ebrelay.adapter.soap.EncodedXml.attr;
import static org.ebrelay.adapter.soap.EncodedXml.one;
import static org.junit.jupiter.api.Named.named;

/** Every kind of message the encoder writes is valid against the SOAP 1.1 + ebMS 2.0 (UPA-fixed) schemas. */
class EbmsEncoderSchemaTest {
    private final EbmsEncoder encoder = new EbmsEncoder();

    static Stream<Named<EbmsMessage>> everyKindOfMessage() {
        return Stream.of(
                named("user message with one payload, AckRequested unsigned, DuplicateElimination, TimeToLive",
                        EncoderFixtures.userMessage(2048)),
                named("user message with two payloads, AckRequested signed, SyncReply",
                        EncoderFixtures.userMessageWithTwoPayloads()),
                named("user message with MessageOrder and AckRequested nextMSH", EncoderFixtures.orderedUserMessage()),
                named("user message with untyped PartyIds and Service, RefToMessageId, no Role",
                        EncoderFixtures.untypedUserMessage()),
                named("Acknowledgment", EncoderFixtures.acknowledgment(false)),
                named("Acknowledgment with ds:Reference copies", EncoderFixtures.acknowledgment(true)),
                named("MessageError with three errors", EncoderFixtures.messageError()),
                named("Ping", EncoderFixtures.ping()),
                named("Pong", EncoderFixtures.pong()),
                named("StatusRequest", EncoderFixtures.statusRequest()),
                named("StatusResponse Received with Timestamp",
                        EncoderFixtures.statusResponse(MessageStatus.RECEIVED, EncoderFixtures.RECEIVED)),
                named("StatusResponse NotRecognized without Timestamp",
                        EncoderFixtures.statusResponse(MessageStatus.NOT_RECOGNIZED, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfMessage")
    void theSoapPartValidatesWithoutAnyViolation(EbmsMessage message) {
        byte[] soapPart = soapPart(encoder.encode(message));

        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), soapPart)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfMessage")
    void everyHeaderElementMustBeUnderstoodAndEveryExtensionElementIsVersion2(EbmsMessage message) {
        var doc = EncodedXml.parse(soapPart(encoder.encode(message)));
        Element header = one(doc, SOAP, "Header");
        Element body = one(doc, SOAP, "Body");

        for (Element e : children(header)) { // ENV-2, ENV-3
            assertThat(e.getNamespaceURI()).isEqualTo(EB);
            assertThat(attr(e, EB, "version")).as(e.getLocalName()).isEqualTo("2.0");
            assertThat(attr(e, SOAP, "mustUnderstand")).as(e.getLocalName()).isEqualTo("1");
        }
        for (Element e : children(body)) {
            assertThat(attr(e, EB, "version")).as(e.getLocalName()).isEqualTo("2.0");
            assertThat(attr(e, SOAP, "mustUnderstand")).as(e.getLocalName()).isNull();
        }
    }

    static byte[] soapPart(WireMessage wire) {
        if (wire.contentType().startsWith("text/xml")) {
            return wire.body();
        }
        return EncodedParts.split(wire).get(0).content();
    }

    private static Iterable<Element> children(Element parent) {
        return Stream.iterate(parent.getFirstChild(), n -> n != null, n -> n.getNextSibling())
                .filter(Element.class::isInstance).map(Element.class::cast)::iterator;
    }
}
