package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.Acknowledgment;
import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.SequenceStatus;
import org.ebrelay.domain.message.Severity;
import org.ebrelay.domain.message.SignatureReference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.ebrelay.adapter.soap.DecoderNames.DS;
import static org.ebrelay.adapter.soap.DecoderNames.SOAP11;
import static org.ebrelay.adapter.soap.ElementValues.ebAttribute;

/** Maps the ebXML SOAP header blocks other than eb:MessageHeader into the model. */
final class SoapHeaderMapper {
    private SoapHeaderMapper() {
    }

    /**
     * eb:AckRequested: an absent actor means toPartyMSH (ACK-1). With one per actor, the toPartyMSH one is
     * kept; one aimed at an actor ebMS does not define is ignored (Warning).
     */
    static AckRequested ackRequested(List<ReadElement> elements, ProblemList problems) {
        AckRequested chosen = null;
        Set<Actor> seen = EnumSet.noneOf(Actor.class);
        for (ReadElement element : elements) {
            String actorUri = element.attribute(SOAP11, "actor");
            Actor actor = actorUri == null ? Actor.TO_PARTY_MSH : Actor.fromUri(actorUri).orElse(null);
            if (actor == null || actor == Actor.SOAP_NEXT) {
                problems.warning(ErrorCode.VALUE_NOT_RECOGNIZED, element.attributePath("actor"), "eb:AckRequested "
                        + "is aimed at actor '" + actorUri + "', neither toPartyMSH nor nextMSH; it is ignored");
            } else if (!seen.add(actor)) {
                problems.error(ErrorCode.OTHER_XML, element.path(), "two eb:AckRequested for the same actor (ACK-1)");
            } else {
                AckRequested ack = new AckRequested(actor, signed(element, problems));
                if (chosen == null || actor == Actor.TO_PARTY_MSH) {
                    chosen = ack;
                }
            }
        }
        return chosen;
    }

    private static boolean signed(ReadElement element, ProblemList problems) {
        String text = ebAttribute(element, "signed");
        Boolean signed = ElementValues.bool(text);
        if (signed == null) {
            problems.error(ErrorCode.OTHER_XML, element.attributePath("signed"), text == null
                    ? "eb:AckRequested has no eb:signed attribute" : "eb:signed '" + text + "' is not a boolean");
            return false;
        }
        return signed;
    }

    /** Whether eb:SyncReply is present; it must be aimed at the SOAP "next" actor (SYN-2). */
    static boolean syncReply(List<ReadElement> elements, ProblemList problems) {
        if (elements.isEmpty()) {
            return false;
        }
        duplicates(elements, problems);
        ReadElement element = elements.get(0);
        String actor = element.attribute(SOAP11, "actor");
        if (!Actor.SOAP_NEXT.uri().equals(actor == null ? null : actor.strip())) {
            problems.error(ErrorCode.INCONSISTENT, element.attributePath("actor"), "eb:SyncReply must carry SOAP actor '"
                    + Actor.SOAP_NEXT.uri() + "', not '" + actor + "' (SYN-2)");
        }
        return true;
    }

    static MessageOrder messageOrder(List<ReadElement> elements, ProblemList problems) {
        if (elements.isEmpty()) {
            return null;
        }
        duplicates(elements, problems);
        ReadElement element = elements.get(0);
        ReadElement number = ElementValues.single(element, "SequenceNumber", problems);
        if (number == null) {
            problems.error(ErrorCode.OTHER_XML, element.path() + "/SequenceNumber", "eb:MessageOrder has no eb:SequenceNumber");
            return null;
        }
        String text = ElementValues.nonEmptyText(number, problems);
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{1,18}")) {
            problems.error(ErrorCode.OTHER_XML, number.path(), "SequenceNumber '" + text + "' is not a non-negative integer");
            return null;
        }
        String status = ebAttribute(number, "status");
        try {
            SequenceStatus parsed = status == null ? SequenceStatus.CONTINUE : SequenceStatus.fromWire(status.strip());
            return new MessageOrder(Long.parseLong(text), parsed);
        } catch (IllegalArgumentException e) {
            problems.error(ErrorCode.OTHER_XML, number.attributePath("status"), "eb:status '" + status
                    + "' is neither Reset nor Continue");
            return null;
        }
    }

    /** eb:Acknowledgment with its ds:Reference copies (signed acks); null when Timestamp or RefToMessageId is unusable. */
    static Acknowledgment acknowledgment(List<ReadElement> elements, ProblemList problems) {
        if (elements.isEmpty()) {
            return null;
        }
        duplicates(elements, problems);
        ReadElement element = elements.get(0);
        Instant timestamp = ElementValues.requiredTime(element, "Timestamp", problems);
        MessageId refTo = ElementValues.refToMessageId(element, true, problems);
        Party from = MessageHeaderMapper.party(element, "From", problems);
        String actorUri = element.attribute(SOAP11, "actor");
        Actor actor = actorUri == null ? null : Actor.fromUri(actorUri).orElse(null);
        if (actorUri != null && actor == null) {
            problems.warning(ErrorCode.VALUE_NOT_RECOGNIZED, element.attributePath("actor"),
                    "eb:Acknowledgment names actor '" + actorUri + "', which ebMS 2.0 does not define");
        }
        List<SignatureReference> references = new ArrayList<>();
        for (ReadElement reference : element.children(DS, "Reference")) {
            references.add(signatureReference(reference));
        }
        if (timestamp == null || refTo == null) {
            return null;
        }
        return new Acknowledgment(timestamp, refTo, from, actor, references);
    }

    private static SignatureReference signatureReference(ReadElement reference) {
        List<String> transforms = new ArrayList<>();
        String xpath = null;
        ReadElement transformList = reference.child(DS, "Transforms");
        if (transformList != null) {
            for (ReadElement transform : transformList.children(DS, "Transform")) {
                transforms.add(transform.attribute("", "Algorithm"));
                ReadElement expression = transform.child(DS, "XPath");
                if (expression != null) {
                    xpath = expression.text();
                }
            }
        }
        ReadElement method = reference.child(DS, "DigestMethod");
        ReadElement value = reference.child(DS, "DigestValue");
        return new SignatureReference(reference.attribute("", "URI"), transforms, xpath,
                method == null ? null : method.attribute("", "Algorithm"), value == null ? null : value.text());
    }

    /**
     * eb:ErrorList as the partner sent it: codes of foreign code contexts are kept as text. A highestSeverity
     * that disagrees with the errors is reported (Warning: the errors themselves decide).
     */
    static ErrorList errorList(List<ReadElement> elements, ProblemList problems) {
        if (elements.isEmpty()) {
            return null;
        }
        duplicates(elements, problems);
        ReadElement element = elements.get(0);
        List<EbmsError> errors = new ArrayList<>();
        for (ReadElement error : element.children(DecoderNames.EB, "Error")) {
            EbmsError read = error(error, problems);
            if (read != null) {
                errors.add(read);
            }
        }
        if (errors.isEmpty()) {
            problems.error(ErrorCode.OTHER_XML, element.path(), "eb:ErrorList holds no usable eb:Error");
            return null;
        }
        ErrorList list = new ErrorList(errors);
        String highest = ebAttribute(element, "highestSeverity");
        if (highest == null) {
            problems.error(ErrorCode.OTHER_XML, element.attributePath("highestSeverity"), "eb:ErrorList has no eb:highestSeverity");
        } else if (!highest.strip().equals(list.highestSeverity().wireName())) {
            problems.warning(ErrorCode.INCONSISTENT, element.attributePath("highestSeverity"), "eb:highestSeverity is '"
                    + highest + "' but the most severe eb:Error is " + list.highestSeverity().wireName());
        }
        return list;
    }

    private static EbmsError error(ReadElement error, ProblemList problems) {
        String code = ebAttribute(error, "errorCode");
        if (code == null || code.isBlank()) {
            problems.error(ErrorCode.OTHER_XML, error.attributePath("errorCode"), "eb:Error has no eb:errorCode");
            return null;
        }
        String severityText = ebAttribute(error, "severity");
        Severity severity = Severity.ERROR;
        try {
            severity = Severity.fromWire(severityText == null ? null : severityText.strip());
        } catch (IllegalArgumentException e) {
            problems.error(ErrorCode.OTHER_XML, error.attributePath("severity"), "eb:severity '" + severityText
                    + "' is neither Warning nor Error; read as Error");
        }
        ReadElement description = error.child(DecoderNames.EB, "Description");
        return new EbmsError(ebAttribute(error, "codeContext"), code.strip(), severity, ebAttribute(error, "location"),
                description == null ? null : description.text());
    }

    private static void duplicates(List<ReadElement> elements, ProblemList problems) {
        if (elements.size() > 1) {
            ReadElement second = elements.get(1);
            problems.error(ErrorCode.OTHER_XML, second.path(), "eb:" + second.localName() + " appears "
                    + elements.size() + " times in the SOAP Header; only one is allowed");
        }
    }
}
