package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.ebrelay.adapter.soap.DecoderNames.EB;
import static org.ebrelay.adapter.soap.ElementValues.ebAttribute;
import static org.ebrelay.adapter.soap.ElementValues.isUri;
import static org.ebrelay.adapter.soap.ElementValues.nonEmptyText;
import static org.ebrelay.adapter.soap.ElementValues.optionalText;
import static org.ebrelay.adapter.soap.ElementValues.requiredText;
import static org.ebrelay.adapter.soap.ElementValues.single;

/**
 * Maps eb:MessageHeader into the model. Whatever the model cannot do without (From/To PartyId, CPAId,
 * ConversationId, Service, Action, MessageId, Timestamp) is reported as OtherXml and makes the header null;
 * an untyped PartyId or Service that is not a URI is Inconsistent (HDR-1, HDR-2) but still mapped.
 */
final class MessageHeaderMapper {
    private MessageHeaderMapper() {
    }

    /** The header, or null when a part the model requires is missing (every such part is reported). */
    static MessageHeader map(ReadElement header, ProblemList problems) {
        Party from = party(header, "From", problems);
        Party to = party(header, "To", problems);
        String cpaId = requiredText(header, "CPAId", problems);
        String conversationId = requiredText(header, "ConversationId", problems);
        Service service = service(header, problems);
        String action = requiredText(header, "Action", problems);
        MessageData data = messageData(header, problems);
        boolean duplicateElimination = single(header, "DuplicateElimination", problems) != null;
        if (from == null || to == null || cpaId == null || conversationId == null || service == null
                || action == null || data == null) {
            return null;
        }
        return new MessageHeader(from, to, CpaId.of(cpaId), ConversationId.of(conversationId), service, action,
                data, duplicateElimination, ElementValues.descriptions(header));
    }

    /** eb:From, eb:To or eb:Acknowledgment/eb:From: PartyIds and an optional Role. */
    static Party party(ReadElement parent, String local, ProblemList problems) {
        ReadElement element = single(parent, local, problems);
        if (element == null) {
            if (!"Acknowledgment".equals(parent.localName())) {
                problems.error(ErrorCode.OTHER_XML, parent.path() + "/" + local,
                        "eb:" + parent.localName() + " has no eb:" + local);
            }
            return null;
        }
        List<PartyId> ids = new ArrayList<>();
        for (ReadElement partyId : element.children(EB, "PartyId")) {
            PartyId id = partyId(partyId, problems);
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            problems.error(ErrorCode.OTHER_XML, element.path() + "/PartyId", "eb:" + local + " has no eb:PartyId value");
            return null;
        }
        return new Party(ids, optionalText(element, "Role", problems));
    }

    private static PartyId partyId(ReadElement element, ProblemList problems) {
        String value = nonEmptyText(element, problems);
        if (value == null) {
            return null;
        }
        PartyId id = PartyId.of(ebAttribute(element, "type"), value);
        if (!id.isTyped() && !isUri(value)) {
            problems.error(ErrorCode.INCONSISTENT, element.path(), "PartyId '" + value
                    + "' has no eb:type, so it must be a URI, and it is not (HDR-1)");
        }
        return id;
    }

    private static Service service(ReadElement header, ProblemList problems) {
        ReadElement element = single(header, "Service", problems);
        if (element == null) {
            problems.error(ErrorCode.OTHER_XML, header.path() + "/Service", "eb:MessageHeader has no eb:Service");
            return null;
        }
        String value = nonEmptyText(element, problems);
        if (value == null) {
            return null;
        }
        Service service = Service.of(ebAttribute(element, "type"), value);
        if (service.type() == null && !isUri(value)) {
            problems.error(ErrorCode.INCONSISTENT, element.path(), "Service '" + value
                    + "' has no eb:type, so it must be a URI, and it is not (HDR-2)");
        }
        return service;
    }

    private static MessageData messageData(ReadElement header, ProblemList problems) {
        ReadElement data = single(header, "MessageData", problems);
        if (data == null) {
            problems.error(ErrorCode.OTHER_XML, header.path() + "/MessageData", "eb:MessageHeader has no eb:MessageData");
            return null;
        }
        String messageId = requiredText(data, "MessageId", problems);
        Instant timestamp = ElementValues.requiredTime(data, "Timestamp", problems);
        MessageId refTo = ElementValues.refToMessageId(data, false, problems);
        Instant timeToLive = ElementValues.optionalTime(data, "TimeToLive", problems);
        if (messageId == null || timestamp == null) {
            return null;
        }
        return new MessageData(MessageId.of(messageId), timestamp, refTo, timeToLive);
    }
}
