package org.ebrelay.boot.cli;

import org.ebrelay.adapter.hl7.Hl7MessageIds;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.Acknowledgment;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.SignatureReference;
import org.ebrelay.domain.message.StatusRequest;
import org.ebrelay.domain.message.StatusResponse;

import java.time.Instant;
import java.util.List;

/**
 * What {@code ebrelay inspect} reports about one decoded message: a flat, JSON-ready view of the ebXML
 * message (or received SOAP Fault) and of the problems found in it. Every field is always present;
 * a missing header block is null, a missing flag is false. Field order is the JSON key order.
 *
 * @param readable             whether an ebXML message or a SOAP Fault could be read at all
 * @param valid                readable and no problem of severity Error
 * @param kind                 the message kind's display name, "SoapFault", or null when unreadable
 * @param ackRequested         null when not requested; else the actor's URI and whether a signed ack is asked for
 * @param errors               the errors the message carries in its eb:ErrorList
 * @param problems             what is wrong with the message itself
 * @param faultCode            a received SOAP Fault's faultcode (local part), else null
 */
public record InspectReport(
        boolean readable,
        boolean valid,
        String kind,
        String cpaId,
        String conversationId,
        String messageId,
        String refToMessageId,
        Instant timestamp,
        Instant timeToLive,
        PartyView from,
        PartyView to,
        ServiceView service,
        String action,
        AckRequestedView ackRequested,
        boolean duplicateElimination,
        boolean syncReply,
        boolean signed,
        MessageOrderView messageOrder,
        AcknowledgmentView acknowledgment,
        StatusRequestView statusRequest,
        StatusResponseView statusResponse,
        List<PayloadView> payloads,
        List<ErrorView> errors,
        List<ErrorView> problems,
        String faultCode,
        String faultString,
        String faultDetail) {

    /** The kind reported for a received SOAP Fault, which is not an ebXML message. */
    public static final String SOAP_FAULT = "SoapFault";

    public InspectReport {
        payloads = List.copyOf(payloads);
        errors = List.copyOf(errors);
        problems = List.copyOf(problems);
    }

    /** The report on {@code decoded}; payload HL7 ids come from {@code hl7Ids}. */
    public static InspectReport from(Decoded decoded, Hl7MessageIds hl7Ids) {
        List<ErrorView> problems = errorViews(decoded.problems());
        if (decoded.message() != null) {
            return ofMessage(decoded.message(), decoded.isValid(), problems, hl7Ids);
        }
        SoapFault fault = decoded.receivedFault();
        return new InspectReport(decoded.isReadable(), decoded.isValid(), fault == null ? null : SOAP_FAULT,
                null, null, null, null, null, null, null, null, null, null, null, false, false, false,
                null, null, null, null, List.of(), List.of(), problems,
                fault == null ? null : fault.faultCode(), fault == null ? null : fault.faultString(),
                fault == null ? null : fault.detail());
    }

    private static InspectReport ofMessage(EbmsMessage message, boolean valid, List<ErrorView> problems,
                                           Hl7MessageIds hl7Ids) {
        MessageHeader header = message.header();
        return new InspectReport(true, valid, message.kind().displayName(),
                header.cpaId().value(), header.conversationId().value(), header.messageId().value(),
                idOrNull(header.refToMessageId()), header.messageData().timestamp(),
                header.messageData().timeToLive(), PartyView.of(header.from()), PartyView.of(header.to()),
                new ServiceView(header.service().type(), header.service().value()), header.action(),
                AckRequestedView.of(message.ackRequested()), header.duplicateElimination(), message.syncReply(),
                message.signed(), MessageOrderView.of(message.messageOrder()),
                AcknowledgmentView.of(message.acknowledgment()), StatusRequestView.of(message.statusRequest()),
                StatusResponseView.of(message.statusResponse()),
                message.payloads().stream().map(p -> PayloadView.of(p, hl7Ids)).toList(),
                message.errorList() == null ? List.of() : errorViews(message.errorList().errors()),
                problems, null, null, null);
    }

    private static List<ErrorView> errorViews(List<EbmsError> errors) {
        return errors.stream().map(ErrorView::of).toList();
    }

    private static String idOrNull(MessageId id) {
        return id == null ? null : id.value();
    }

    /** eb:From or eb:To. */
    public record PartyView(List<PartyIdView> partyIds, String role) {
        static PartyView of(Party party) {
            return party == null ? null : new PartyView(
                    party.partyIds().stream().map(id -> new PartyIdView(id.type(), id.value())).toList(), party.role());
        }
    }

    /** One eb:PartyId; type is null when untyped. */
    public record PartyIdView(String type, String value) {
    }

    /** eb:Service; type is null when untyped. */
    public record ServiceView(String type, String value) {
    }

    /** eb:AckRequested: the actor as its URI, and whether a signed Acknowledgment is asked for. */
    public record AckRequestedView(String actor, boolean signed) {
        static AckRequestedView of(AckRequested ack) {
            return ack == null ? null : new AckRequestedView(ack.actor().uri(), ack.signed());
        }
    }

    /** eb:MessageOrder; status is the wire name (Reset or Continue). */
    public record MessageOrderView(long sequenceNumber, String status) {
        static MessageOrderView of(MessageOrder order) {
            return order == null ? null : new MessageOrderView(order.sequenceNumber(), order.status().wireName());
        }
    }

    /** eb:Acknowledgment; from and actor are null when absent. */
    public record AcknowledgmentView(Instant timestamp, String refToMessageId, PartyView from, String actor,
                                     List<ReferenceView> references) {
        static AcknowledgmentView of(Acknowledgment ack) {
            return ack == null ? null : new AcknowledgmentView(ack.timestamp(), ack.refToMessageId().value(),
                    PartyView.of(ack.from()), ack.actor() == null ? null : ack.actor().uri(),
                    ack.references().stream().map(ReferenceView::of).toList());
        }
    }

    /** A ds:Reference copied into a signed Acknowledgment. */
    public record ReferenceView(String uri, List<String> transforms, String digestMethod, String digestValue) {
        static ReferenceView of(SignatureReference ref) {
            return new ReferenceView(ref.uri(), ref.transforms(), ref.digestMethod(), ref.digestValue());
        }
    }

    /** eb:StatusRequest. */
    public record StatusRequestView(String refToMessageId) {
        static StatusRequestView of(StatusRequest request) {
            return request == null ? null : new StatusRequestView(request.refToMessageId().value());
        }
    }

    /** eb:StatusResponse; timestamp is null for NotRecognized and UnAuthorized. */
    public record StatusResponseView(String messageStatus, String refToMessageId, Instant timestamp) {
        static StatusResponseView of(StatusResponse response) {
            return response == null ? null : new StatusResponseView(response.status().wireName(),
                    response.refToMessageId().value(), response.timestamp());
        }
    }

    /** A payload container; hl7MessageId is null when the payload is not HL7 or carries no id. */
    public record PayloadView(String contentId, String contentType, int size, String hl7MessageId) {
        static PayloadView of(Payload payload, Hl7MessageIds hl7Ids) {
            return new PayloadView(payload.contentId(), payload.contentType(), payload.size(),
                    hl7Ids.extract(payload.contentType(), payload.content()).orElse(null));
        }
    }

    /** An eb:Error carried by the message, or a problem found in it. */
    public record ErrorView(String code, String severity, String location, String description, String codeContext) {
        static ErrorView of(EbmsError error) {
            return new ErrorView(error.errorCode(), error.severity().wireName(), error.location(),
                    error.description(), error.codeContext());
        }

        /** {@code CODE (Severity) at LOCATION: description}, the line the text report prints. */
        public String line() {
            return code + " (" + severity + ")" + (location == null ? "" : " at " + location)
                    + (description == null || description.isBlank() ? "" : ": " + description);
        }
    }
}
