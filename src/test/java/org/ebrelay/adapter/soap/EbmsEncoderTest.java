package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageStatus;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.adapter.soap.EncodedXml.DS;
import static org.ebrelay.adapter.soap.EncodedXml.EB;
import static org.ebrelay.adapter.soap.EncodedXml.SOAP;
import static org.ebrelay.adapter.soap.EncodedXml.XLINK;
import static org.ebrelay.adapter.soap.EncodedXml.XML;
import static org.ebrelay.adapter.soap.EncodedXml.all;
import static org.ebrelay.adapter.soap.EncodedXml.attr;
import static org.ebrelay.adapter.soap.EncodedXml.childNames;
import static org.ebrelay.adapter.soap.EncodedXml.one;
import static org.ebrelay.adapter.soap.EncodedXml.text;

/** What the encoder writes into the envelope, element by element, read back by namespace. */
class EbmsEncoderTest {
    private static final String TO_PARTY_MSH = "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH";
    private final EbmsEncoder encoder = new EbmsEncoder();

    private Document envelopeOf(EbmsMessage message) {
        return EncodedXml.parse(EbmsEncoderSchemaTest.soapPart(encoder.encode(message)));
    }

    @Test
    void aUserMessageHeaderCarriesEveryFieldInSchemaOrder() {
        Element header = one(envelopeOf(EncoderFixtures.userMessage(500)), EB, "MessageHeader");

        assertThat(childNames(header)).containsExactly("eb:From", "eb:To", "eb:CPAId", "eb:ConversationId",
                "eb:Service", "eb:Action", "eb:MessageData", "eb:DuplicateElimination", "eb:Description",
                "eb:Description");
        assertThat(text(header, EB, "CPAId")).isEqualTo("urn:ebrelay:cpa:riverside-northfield-lab");
        assertThat(text(header, EB, "ConversationId")).isEqualTo("c0ffee00-1111-2222-3333-444455556666");
        Element service = one(header, EB, "Service");
        assertThat(service.getTextContent()).isEqualTo("LabOrders");
        assertThat(attr(service, EB, "type")).isEqualTo("urn:ebrelay:service-type");
        assertThat(text(header, EB, "Action")).isEqualTo("ORU_R01");
        assertThat(one(header, EB, "DuplicateElimination").hasChildNodes()).isFalse(); // HDR-3: empty element
        List<Element> descriptions = all(header, EB, "Description");
        assertThat(descriptions).extracting(Element::getTextContent).containsExactly("Lab results for Jane Doe", "Uitslagen");
        assertThat(descriptions).extracting(d -> attr(d, XML, "lang")).containsExactly("en", "nl-NL");
    }

    @Test
    void severalPartyIdsAreWrittenTypedAndUntypedWithTheRoleAfterThem() {
        Element from = one(one(envelopeOf(EncoderFixtures.userMessage(500)), EB, "MessageHeader"), EB, "From");

        assertThat(childNames(from)).containsExactly("eb:PartyId", "eb:PartyId", "eb:Role");
        List<Element> ids = all(from, EB, "PartyId");
        assertThat(ids).extracting(Element::getTextContent).containsExactly("5790000000001", "urn:riverside-hospital");
        assertThat(attr(ids.get(0), EB, "type")).isEqualTo("urn:oasis:names:tc:ebcore:partyid-type:iso6523:0088");
        assertThat(attr(ids.get(1), EB, "type")).isNull(); // HDR-1: untyped, the value is a URI
        assertThat(text(from, EB, "Role")).isEqualTo("urn:ebrelay:role:orderer");
    }

    @Test
    void messageDataHasUtcMillisecondTimestampsAndOptionalParts() {
        Element data = one(envelopeOf(EncoderFixtures.userMessage(500)), EB, "MessageData");
        assertThat(childNames(data)).containsExactly("eb:MessageId", "eb:Timestamp", "eb:TimeToLive");
        assertThat(text(data, EB, "MessageId")).isEqualTo("b1e5d7c2-0001@ebms.riverside-hospital.example.org");
        assertThat(text(data, EB, "Timestamp")).isEqualTo("2026-11-22T09:30:00.123Z"); // HDR-5
        assertThat(text(data, EB, "TimeToLive")).isEqualTo("2026-11-23T09:30:00.000Z"); // HDR-7

        Element untyped = one(envelopeOf(EncoderFixtures.untypedUserMessage()), EB, "MessageData");
        assertThat(childNames(untyped)).containsExactly("eb:MessageId", "eb:Timestamp", "eb:RefToMessageId");
        assertThat(text(untyped, EB, "RefToMessageId")).isEqualTo("earlier@b");
    }

    @Test
    void headerBlocksFollowTheMessageHeaderInAFixedOrder() {
        Document doc = envelopeOf(EncoderFixtures.userMessageWithTwoPayloads());
        assertThat(childNames(one(doc, SOAP, "Header")))
                .containsExactly("eb:MessageHeader", "eb:AckRequested", "eb:SyncReply");
        assertThat(childNames(one(doc, SOAP, "Body"))).containsExactly("eb:Manifest");

        Document ordered = envelopeOf(EncoderFixtures.orderedUserMessage());
        assertThat(childNames(one(ordered, SOAP, "Header")))
                .containsExactly("eb:MessageHeader", "eb:AckRequested", "eb:MessageOrder");
    }

    @Test
    void ackRequestedCarriesItsActorAndWhetherTheAckMustBeSigned() { // ACK-1, ACK-2
        Element unsigned = one(envelopeOf(EncoderFixtures.userMessage(500)), EB, "AckRequested");
        assertThat(attr(unsigned, SOAP, "actor")).isEqualTo(TO_PARTY_MSH);
        assertThat(attr(unsigned, EB, "signed")).isEqualTo("false");
        assertThat(unsigned.hasChildNodes()).isFalse();

        Element signed = one(envelopeOf(EncoderFixtures.userMessageWithTwoPayloads()), EB, "AckRequested");
        assertThat(attr(signed, EB, "signed")).isEqualTo("true");

        Element nextMsh = one(envelopeOf(EncoderFixtures.orderedUserMessage()), EB, "AckRequested");
        assertThat(attr(nextMsh, SOAP, "actor")).isEqualTo(Actor.NEXT_MSH.uri());
    }

    @Test
    void syncReplyIsAddressedToTheSoapNextActor() { // ENV-7, SYN-1
        Element syncReply = one(envelopeOf(EncoderFixtures.ping()), EB, "SyncReply");
        assertThat(attr(syncReply, SOAP, "actor")).isEqualTo("http://schemas.xmlsoap.org/soap/actor/next");
        assertThat(attr(syncReply, SOAP, "mustUnderstand")).isEqualTo("1");
        assertThat(syncReply.hasChildNodes()).isFalse();
    }

    @Test
    void messageOrderCarriesTheSequenceNumberAndItsStatus() { // ORD-2
        Element sequence = one(one(envelopeOf(EncoderFixtures.orderedUserMessage()), EB, "MessageOrder"),
                EB, "SequenceNumber");
        assertThat(sequence.getTextContent()).isEqualTo("42");
        assertThat(attr(sequence, EB, "status")).isEqualTo("Continue");
    }

    @Test
    void theManifestReferencesEachPayloadByCidWithASimpleXlink() { // PKG-4
        List<Element> refs = all(envelopeOf(EncoderFixtures.userMessageWithTwoPayloads()), EB, "Reference");
        assertThat(refs).extracting(r -> attr(r, XLINK, "href"))
                .containsExactly("cid:hl7-0002@riverside", "cid:scan-0002@riverside");
        assertThat(refs).extracting(r -> attr(r, XLINK, "type")).containsOnly("simple");
        assertThat(refs).extracting(r -> attr(r, EB, "id")).containsOnly((String) null);
        assertThat(refs).extracting(r -> attr(r, XLINK, "role")).containsOnly((String) null);
    }

    @Test
    void aStandaloneAcknowledgmentNamesTheAcknowledgedMessageAndTheAcknowledgingParty() { // ACK-6
        Document doc = envelopeOf(EncoderFixtures.acknowledgment(false));
        Element header = one(doc, EB, "MessageHeader");
        assertThat(text(header, EB, "Service")).isEqualTo("urn:oasis:names:tc:ebxml-msg:service");
        assertThat(text(header, EB, "Action")).isEqualTo("Acknowledgment");
        assertThat(all(header, EB, "Role")).isEmpty();
        assertThat(all(doc, EB, "AckRequested")).isEmpty(); // MSH-1

        Element ack = one(doc, EB, "Acknowledgment");
        assertThat(childNames(ack)).containsExactly("eb:Timestamp", "eb:RefToMessageId", "eb:From");
        assertThat(text(ack, EB, "Timestamp")).isEqualTo("2026-11-22T09:30:01.500Z");
        assertThat(text(ack, EB, "RefToMessageId")).isEqualTo("b1e5d7c2-0001@ebms.riverside-hospital.example.org");
        assertThat(text(one(ack, EB, "From"), EB, "PartyId")).isEqualTo("2.16.840.1.113883.3.42");
        assertThat(attr(ack, SOAP, "actor")).isEqualTo(TO_PARTY_MSH);
        assertThat(childNames(one(doc, SOAP, "Body"))).isEmpty();
    }

    @Test
    void anAcknowledgmentWithoutActorOrFromLeavesThemOut() {
        EbmsMessage bare = EncoderFixtures.acknowledgment(false).toBuilder()
                .acknowledgment(new org.ebrelay.domain.message.Acknowledgment(EncoderFixtures.RECEIVED,
                        org.ebrelay.domain.message.MessageId.of("x@y"), null, null, List.of()))
                .build();
        Element ack = one(envelopeOf(bare), EB, "Acknowledgment");
        assertThat(childNames(ack)).containsExactly("eb:Timestamp", "eb:RefToMessageId");
        assertThat(attr(ack, SOAP, "actor")).isNull();
    }

    @Test
    void aSignedAcknowledgmentCarriesCopiesOfTheDsReferences() { // ACK-7
        Element ack = one(envelopeOf(EncoderFixtures.acknowledgment(true)), EB, "Acknowledgment");
        assertThat(childNames(ack)).containsExactly("eb:Timestamp", "eb:RefToMessageId", "eb:From",
                "ds:Reference", "ds:Reference");
        List<Element> refs = all(ack, DS, "Reference");

        Element envelopeRef = refs.get(0);
        assertThat(envelopeRef.getAttribute("URI")).isEqualTo("");
        assertThat(envelopeRef.hasAttribute("URI")).isTrue();
        assertThat(childNames(envelopeRef)).containsExactly("ds:Transforms", "ds:DigestMethod", "ds:DigestValue");
        List<Element> transforms = all(envelopeRef, DS, "Transform");
        assertThat(transforms).extracting(t -> t.getAttribute("Algorithm")).containsExactly(
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
                "http://www.w3.org/TR/1999/REC-xpath-19991116",
                "http://www.w3.org/TR/2001/REC-xml-c14n-20010315");
        assertThat(all(transforms.get(0), DS, "XPath")).isEmpty();
        assertThat(text(transforms.get(1), DS, "XPath")).isEqualTo(EncoderFixtures.XPATH_FILTER);
        assertThat(one(envelopeRef, DS, "DigestMethod").getAttribute("Algorithm"))
                .isEqualTo("http://www.w3.org/2001/04/xmlenc#sha256");
        assertThat(text(envelopeRef, DS, "DigestValue")).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");

        Element payloadRef = refs.get(1);
        assertThat(payloadRef.getAttribute("URI")).isEqualTo("cid:hl7-payload-0001@riverside-hospital.example.org");
        assertThat(childNames(payloadRef)).containsExactly("ds:DigestMethod", "ds:DigestValue");
        assertThat(text(payloadRef, DS, "DigestValue")).isEqualTo("LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564=");
    }

    @Test
    void aMessageErrorListsEveryErrorWithItsAttributesAndTheHighestSeverity() { // ERR-1
        Document doc = envelopeOf(EncoderFixtures.messageError());
        assertThat(text(one(doc, EB, "MessageHeader"), EB, "Action")).isEqualTo("MessageError");
        Element list = one(doc, EB, "ErrorList");
        assertThat(attr(list, EB, "highestSeverity")).isEqualTo("Error");
        List<Element> errors = all(list, EB, "Error");
        assertThat(errors).hasSize(3);

        assertThat(attr(errors.get(0), EB, "codeContext")).isEqualTo(ErrorCode.CODE_CONTEXT);
        assertThat(attr(errors.get(0), EB, "errorCode")).isEqualTo("ValueNotRecognized");
        assertThat(attr(errors.get(0), EB, "severity")).isEqualTo("Error");
        assertThat(attr(errors.get(0), EB, "location")).isEqualTo("//Header/MessageHeader/CPAId");
        assertThat(text(errors.get(0), EB, "Description")).isEqualTo("Unknown CPAId");
        assertThat(attr(one(errors.get(0), EB, "Description"), XML, "lang")).isEqualTo("en");

        assertThat(attr(errors.get(1), EB, "errorCode")).isEqualTo("DeliveryFailure");
        assertThat(attr(errors.get(1), EB, "severity")).isEqualTo("Warning");
        assertThat(all(errors.get(1), EB, "Description")).isEmpty();

        assertThat(attr(errors.get(2), EB, "codeContext")).isEqualTo("urn:nhs:names:error:tms");
        assertThat(attr(errors.get(2), EB, "errorCode")).isEqualTo("200");
        assertThat(attr(errors.get(2), EB, "location")).isNull();
        assertThat(text(errors.get(2), EB, "Description")).isEqualTo("501319:System failure");
    }

    @Test
    void anErrorListOfWarningsOnlyHasHighestSeverityWarning() {
        EbmsMessage warningOnly = EncoderFixtures.messageError().toBuilder().errorList(
                org.ebrelay.domain.message.ErrorList.of(org.ebrelay.domain.message.EbmsError.warning(
                        ErrorCode.DELIVERY_FAILURE, null, "probably not delivered"))).build();
        Element list = one(envelopeOf(warningOnly), EB, "ErrorList");
        assertThat(attr(list, EB, "highestSeverity")).isEqualTo("Warning");
    }

    @Test
    void pingAndPongHaveAnEmptyBodyAndPongRefersToThePing() { // PNG-1, PNG-2
        Document ping = envelopeOf(EncoderFixtures.ping());
        assertThat(text(ping, EB, "Action")).isEqualTo("Ping");
        assertThat(childNames(one(ping, SOAP, "Body"))).isEmpty();
        assertThat(all(ping, EB, "RefToMessageId")).isEmpty();

        Document pong = envelopeOf(EncoderFixtures.pong());
        assertThat(text(pong, EB, "Action")).isEqualTo("Pong");
        assertThat(text(pong, EB, "RefToMessageId")).isEqualTo("ping-1@hospital");
        assertThat(childNames(one(pong, SOAP, "Header"))).containsExactly("eb:MessageHeader");
        assertThat(childNames(one(pong, SOAP, "Body"))).isEmpty();
    }

    @Test
    void aStatusRequestAsksAboutOneMessageInTheBody() { // STA-1
        Document doc = envelopeOf(EncoderFixtures.statusRequest());
        Element request = one(one(doc, SOAP, "Body"), EB, "StatusRequest");
        assertThat(childNames(request)).containsExactly("eb:RefToMessageId");
        assertThat(text(request, EB, "RefToMessageId")).isEqualTo("b1e5d7c2-0001@ebms.riverside-hospital.example.org");
        assertThat(all(doc, EB, "SyncReply")).isEmpty();
    }

    @Test
    void aStatusResponseCarriesTheStatusAndTheReceiptTimeOnlyWhenThereIsOne() { // STA-2
        Element received = one(envelopeOf(EncoderFixtures.statusResponse(MessageStatus.RECEIVED,
                EncoderFixtures.RECEIVED)), EB, "StatusResponse");
        assertThat(attr(received, EB, "messageStatus")).isEqualTo("Received");
        assertThat(childNames(received)).containsExactly("eb:RefToMessageId", "eb:Timestamp");
        assertThat(text(received, EB, "Timestamp")).isEqualTo("2026-11-22T09:30:01.500Z");

        Element unknown = one(envelopeOf(EncoderFixtures.statusResponse(MessageStatus.NOT_RECOGNIZED, null)),
                EB, "StatusResponse");
        assertThat(attr(unknown, EB, "messageStatus")).isEqualTo("NotRecognized");
        assertThat(childNames(unknown)).containsExactly("eb:RefToMessageId");
    }
}
