package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.Description;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessageBuilder;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.message.MessageStatus;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.SequenceStatus;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.message.Severity;
import org.ebrelay.domain.message.SignatureReference;
import org.ebrelay.domain.message.StatusResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Messages of every kind for the encoder tests and benchmarks, with fixed ids and times. */
public final class EncoderFixtures {
    public static final Instant NOW = Instant.parse("2026-11-22T09:30:00.123Z");
    public static final Instant RECEIVED = Instant.parse("2026-11-22T09:30:01.500Z");
    public static final CpaId CPA = CpaId.of("urn:ebrelay:cpa:riverside-northfield-lab");
    public static final ConversationId CONVERSATION = ConversationId.of("c0ffee00-1111-2222-3333-444455556666");
    public static final Party HOSPITAL = new Party(List.of(
            PartyId.of("urn:oasis:names:tc:ebcore:partyid-type:iso6523:0088", "5790000000001"),
            PartyId.untyped("urn:riverside-hospital")), "urn:ebrelay:role:orderer");
    public static final Party LAB = Party.of(PartyId.of("urn:ebrelay:party-type:oid", "2.16.840.1.113883.3.42"),
            "urn:ebrelay:role:laboratory");
    public static final String XPATH_FILTER = "not(ancestor-or-self::node()[@SOAP:actor="
            + "\"urn:oasis:names:tc:ebxml-msg:actor:nextMSH\"] | ancestor-or-self::node()[@SOAP:actor="
            + "\"http://schemas.xmlsoap.org/soap/actor/next\"])";

    private EncoderFixtures() {
    }

    /** An HL7 v2 ORU^R01 in ER7 of about {@code size} bytes: segments separated by CR. */
    public static byte[] hl7v2(int size) {
        StringBuilder er7 = new StringBuilder(size + 128);
        er7.append("MSH|^~\\&|LIS|NRL|HIS|RGH|20261122093000||ORU^R01^ORU_R01|NRL000123|P|2.5.1\r")
                .append("PID|1||123456^^^RGH^MR||Doe^Jane||19800101|F\r")
                .append("OBR|1|ORD1|FIL1|24331-1^Lipid panel^LN\r");
        int n = 1;
        while (er7.length() < size) {
            er7.append("OBX|").append(n++).append("|NM|2093-3^Cholesterol^LN||5.2|mmol/L|<5.0|H|||F\r");
        }
        return er7.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static MessageHeader userHeader(String id) {
        return new MessageHeader(HOSPITAL, LAB, CPA, CONVERSATION, Service.of("urn:ebrelay:service-type", "LabOrders"),
                "ORU_R01", new MessageData(MessageId.of(id), NOW, null, Instant.parse("2026-11-23T09:30:00Z")),
                true, List.of(Description.en("Lab results for Jane Doe"), new Description("nl-NL", "Uitslagen")));
    }

    /** A reliable user message (DuplicateElimination, AckRequested toPartyMSH unsigned) with one HL7 v2 payload. */
    public static EbmsMessage userMessage(int payloadSize) {
        return EbmsMessageBuilder.withHeader(userHeader("b1e5d7c2-0001@ebms.riverside-hospital.example.org"))
                .ackRequested(AckRequested.toPartyMsh(false))
                .payload(new Payload("hl7-payload-0001@riverside-hospital.example.org", "application/hl7-v2; charset=UTF-8",
                        hl7v2(payloadSize)))
                .build();
    }

    public static EbmsMessage userMessageWithTwoPayloads() {
        return EbmsMessageBuilder.withHeader(userHeader("b1e5d7c2-0002@ebms.riverside-hospital.example.org"))
                .ackRequested(AckRequested.toPartyMsh(true)).syncReply(true)
                .payload(new Payload("hl7-0002@riverside", "application/hl7-v2", hl7v2(600)))
                .payload(new Payload("scan-0002@riverside", "application/pdf", allByteValues()))
                .build();
    }

    public static EbmsMessage orderedUserMessage() {
        return userMessage(300).toBuilder().ackRequested(new AckRequested(Actor.NEXT_MSH, true))
                .messageOrder(new MessageOrder(42, SequenceStatus.CONTINUE)).build();
    }

    /** A user message whose service is untyped (a URI) and whose parties have one PartyId each. */
    public static EbmsMessage untypedUserMessage() {
        MessageHeader header = new MessageHeader(Party.of(PartyId.untyped("urn:a"), null),
                Party.of(PartyId.untyped("urn:b"), null), CPA, CONVERSATION, Service.of(null, "urn:ebrelay:services:lab"),
                "Order", new MessageData(MessageId.of("untyped-1@a"), NOW, MessageId.of("earlier@b"), null), false, List.of());
        return EbmsMessageBuilder.withHeader(header).payload(Payload.text("p1@a", "text/plain", "hello")).build();
    }

    public static EbmsMessage acknowledgment(boolean withReferences) {
        List<SignatureReference> references = withReferences ? List.of(
                new SignatureReference("", List.of("http://www.w3.org/2000/09/xmldsig#enveloped-signature",
                        "http://www.w3.org/TR/1999/REC-xpath-19991116",
                        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"), XPATH_FILTER,
                        "http://www.w3.org/2001/04/xmlenc#sha256", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
                new SignatureReference("cid:hl7-payload-0001@riverside-hospital.example.org", List.of(), null,
                        "http://www.w3.org/2001/04/xmlenc#sha256", "LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564="))
                : List.of();
        return EbmsMessages.acknowledgmentOf(userMessage(300), MessageId.of("ack-0001@ebms.northfield-lab.example.org"),
                NOW, RECEIVED, references);
    }

    public static EbmsMessage messageError() {
        ErrorList errors = new ErrorList(List.of(
                EbmsError.error(ErrorCode.VALUE_NOT_RECOGNIZED, "//Header/MessageHeader/CPAId", "Unknown CPAId"),
                EbmsError.warning(ErrorCode.DELIVERY_FAILURE, "cid:hl7-payload-0001@riverside-hospital.example.org", null),
                new EbmsError("urn:nhs:names:error:tms", "200", Severity.ERROR, null, "501319:System failure")));
        return EbmsMessages.messageErrorFor(userHeader("in-error-1@x"), MessageId.of("err-1@lab"), NOW, errors);
    }

    public static EbmsMessage ping() {
        return EbmsMessages.ping(CPA, CONVERSATION, HOSPITAL, LAB, MessageId.of("ping-1@hospital"), NOW, true);
    }

    public static EbmsMessage pong() {
        return EbmsMessages.pongFor(ping().header(), MessageId.of("pong-1@lab"), NOW);
    }

    public static EbmsMessage statusRequest() {
        return EbmsMessages.statusRequest(CPA, CONVERSATION, HOSPITAL, LAB, MessageId.of("status-req-1@hospital"), NOW,
                MessageId.of("b1e5d7c2-0001@ebms.riverside-hospital.example.org"), false);
    }

    public static EbmsMessage statusResponse(MessageStatus status, Instant receivedAt) {
        return EbmsMessages.statusResponseFor(statusRequest().header(), MessageId.of("status-resp-1@lab"), NOW,
                new StatusResponse(status, MessageId.of("b1e5d7c2-0001@ebms.riverside-hospital.example.org"), receivedAt));
    }

    /** Every octet value 0x00..0xFF, then CR, CRLF and LF, then the values backwards. */
    public static byte[] allByteValues() {
        byte[] bytes = new byte[256 * 2 + 5];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
            bytes[bytes.length - 1 - i] = (byte) i;
        }
        bytes[256] = '\r';
        bytes[257] = '\r';
        bytes[258] = '\n';
        bytes[259] = '\n';
        bytes[260] = '-';
        return bytes;
    }
}
