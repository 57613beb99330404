package org.ebrelay.boot.cli;

import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.Acknowledgment;
import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessageBuilder;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.message.MessageStatus;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.SequenceStatus;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.message.Severity;
import org.ebrelay.domain.message.SignatureReference;
import org.ebrelay.domain.message.StatusRequest;
import org.ebrelay.domain.message.StatusResponse;

import java.time.Instant;
import java.util.List;

/** Hand-built messages for the inspect report tests (no codec involved). */
final class InspectFixtures {
    static final Instant SENT = Instant.parse("2026-11-21T23:08:01.339Z");
    static final Instant EXPIRES = Instant.parse("2026-11-21T23:08:21.339Z");
    static final String ER7 = "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240101120000||ORU^R01|HL7-0001|P|2.5.1\rPID|1\r";

    static final Party PEER = new Party(List.of(PartyId.of("urn:oid:1.2.826.0.1285.0.2.0.107", "PEER"),
            PartyId.untyped("urn:example:peer")), "PEER");
    static final Party GATEWAY = Party.of(PartyId.of("urn:oid:1.2.826.0.1285.0.2.0.107", "GATEWAY"), "GATEWAY");

    private InspectFixtures() {
    }

    static MessageHeader header(Service service, String action, MessageId refTo) {
        return new MessageHeader(PEER, GATEWAY, CpaId.of("PEER-GATEWAY-HL7-RM-SYNC"), ConversationId.of("conv-1"),
                service, action, new MessageData(MessageId.of("msg-1@peer"), SENT, refTo, EXPIRES), true, List.of());
    }

    /** A reliable, ordered user message with an HL7 v2 payload and a payload that is not HL7. */
    static EbmsMessage userMessage() {
        return EbmsMessageBuilder.withHeader(header(Service.of("urn:example:type", "urn:example:services:hl7"),
                        "HL7Message", null))
                .ackRequested(AckRequested.toPartyMsh(true))
                .messageOrder(new MessageOrder(1, SequenceStatus.RESET))
                .signed(true)
                .payload(Payload.text("hl7@peer", "application/hl7-v2", ER7))
                .payload(Payload.text("note@peer", "text/plain", "not HL7"))
                .build();
    }

    static EbmsMessage messageError() {
        return EbmsMessageBuilder.withHeader(header(Service.MSH, MessageKind.MESSAGE_ERROR.mshAction(),
                        MessageId.of("orig-1@gateway")))
                .errorList(ErrorList.of(
                        new EbmsError(ErrorCode.CODE_CONTEXT, "ValueNotRecognized", Severity.ERROR, null,
                                "501319:Unknown eb:CPAId"),
                        EbmsError.warning(ErrorCode.OTHER_XML, "//eb:Description", "odd description")))
                .build();
    }

    static EbmsMessage signedAcknowledgment() {
        SignatureReference envelope = new SignatureReference("",
                List.of("http://www.w3.org/2000/09/xmldsig#enveloped-signature"), null,
                "http://www.w3.org/2001/04/xmlenc#sha256", "ZGlnZXN0");
        return EbmsMessageBuilder.withHeader(header(Service.MSH, MessageKind.ACKNOWLEDGMENT.mshAction(),
                        MessageId.of("orig-1@gateway")))
                .acknowledgment(new Acknowledgment(Instant.parse("2026-11-21T23:08:02Z"), MessageId.of("orig-1@gateway"),
                        GATEWAY.withoutRole(), Actor.TO_PARTY_MSH, List.of(envelope)))
                .build();
    }

    static EbmsMessage statusRequest() {
        return EbmsMessageBuilder.withHeader(header(Service.MSH, MessageKind.STATUS_REQUEST.mshAction(), null))
                .statusRequest(new StatusRequest(MessageId.of("asked-about@peer")))
                .syncReply(true)
                .build();
    }

    static EbmsMessage statusResponse() {
        return EbmsMessageBuilder.withHeader(header(Service.MSH, MessageKind.STATUS_RESPONSE.mshAction(),
                        MessageId.of("status-request@gateway")))
                .statusResponse(new StatusResponse(MessageStatus.RECEIVED, MessageId.of("asked-about@peer"),
                        Instant.parse("2026-11-20T10:00:00Z")))
                .build();
    }
}
