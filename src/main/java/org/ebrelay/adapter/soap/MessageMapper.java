package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.SoapFault;

import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageHeader;

import java.util.List;
import java.util.Set;

import static org.ebrelay.adapter.soap.DecoderNames.EB;
import static org.ebrelay.adapter.soap.DecoderNames.SOAP11;

/**
 * Turns a SOAP 1.1 envelope tree into an {@link EbmsMessage}, a received SOAP Fault, or the reason it is not
 * an ebXML message. Header blocks are found by namespace and local name (NS-1). Payloads are attached later.
 */
final class MessageMapper {
    /** What the envelope is. */
    sealed interface Outcome permits Mapped, Fault, Unreadable {
    }

    record Mapped(EbmsMessage message) implements Outcome {
    }

    record Fault(SoapFault fault) implements Outcome {
    }

    /** Not an ebXML message; the reasons are in the problem list. */
    record Unreadable(String faultCode) implements Outcome {
    }

    private static final Set<String> HEADER_BLOCKS =
            Set.of("MessageHeader", "AckRequested", "SyncReply", "MessageOrder", "Acknowledgment", "ErrorList");
    private static final Set<String> BODY_ELEMENTS = Set.of("Manifest", "StatusRequest", "StatusResponse");

    private MessageMapper() {
    }

    static Outcome map(EnvelopeReader.Envelope envelope, ProblemList problems) {
        ReadElement header = envelope.root().child(SOAP11, "Header");
        ReadElement body = envelope.root().child(SOAP11, "Body");
        if (body != null && body.child(SOAP11, "Fault") != null) {
            return new Fault(SoapBodyMapper.fault(body.child(SOAP11, "Fault")));
        }
        List<ReadElement> blocks = header == null ? List.of() : header.children();
        if (!mustUnderstandHeadersAreUnderstood(blocks, problems)) {
            return new Unreadable(SoapFault.MUST_UNDERSTAND);
        }
        List<ReadElement> messageHeaders = header == null ? List.of() : header.children(EB, "MessageHeader");
        if (messageHeaders.isEmpty()) {
            problems.error(ErrorCode.OTHER_XML, "//Header/MessageHeader",
                    "the message has no eb:MessageHeader, so it is not an ebXML message");
            return new Unreadable(SoapFault.CLIENT);
        }
        if (messageHeaders.size() > 1) {
            problems.error(ErrorCode.OTHER_XML, messageHeaders.get(1).path(), "eb:MessageHeader appears "
                    + messageHeaders.size() + " times; only the first is read");
        }
        if (body == null) {
            problems.error(ErrorCode.OTHER_XML, "//Body", "the SOAP envelope has no Body");
        }
        checkVersions(blocks, HEADER_BLOCKS, problems);
        checkVersions(body == null ? List.of() : body.children(), BODY_ELEMENTS, problems);
        MessageHeader messageHeader = MessageHeaderMapper.map(messageHeaders.get(0), problems);
        if (messageHeader == null) {
            return new Unreadable(SoapFault.CLIENT);
        }
        return new Mapped(message(messageHeader, header, body, envelope.signed(), problems));
    }

    private static EbmsMessage message(MessageHeader messageHeader, ReadElement header, ReadElement body, boolean signed,
                                       ProblemList problems) {
        ReadElement noBody = new ReadElement(SOAP11, "Body", "//Body");
        ReadElement b = body == null ? noBody : body;
        return new EbmsMessage(messageHeader,
                SoapHeaderMapper.ackRequested(header.children(EB, "AckRequested"), problems),
                SoapHeaderMapper.syncReply(header.children(EB, "SyncReply"), problems),
                SoapHeaderMapper.messageOrder(header.children(EB, "MessageOrder"), problems),
                SoapHeaderMapper.acknowledgment(header.children(EB, "Acknowledgment"), problems),
                SoapHeaderMapper.errorList(header.children(EB, "ErrorList"), problems),
                SoapBodyMapper.manifest(b, problems),
                SoapBodyMapper.statusRequest(b, problems),
                SoapBodyMapper.statusResponse(b, problems),
                signed, List.of());
    }

    /**
     * ENV-4: a header block marked mustUnderstand ("1" or, leniently, "true") and aimed at this MSH must be one
     * we know. Returns false (and reports NotSupported) for the first one that is not.
     */
    private static boolean mustUnderstandHeadersAreUnderstood(List<ReadElement> blocks, ProblemList problems) {
        for (ReadElement block : blocks) {
            String value = block.attribute(SOAP11, "mustUnderstand");
            Boolean must = ElementValues.bool(value);
            if (value != null && must == null) {
                problems.error(ErrorCode.OTHER_XML, block.attributePath("mustUnderstand"),
                        "SOAP mustUnderstand '" + value + "' is not a boolean");
            }
            boolean understood = block.namespace().equals(EB) && HEADER_BLOCKS.contains(block.localName());
            if (Boolean.TRUE.equals(must) && !understood && aimedAtThisMsh(block)) {
                problems.error(ErrorCode.NOT_SUPPORTED, block.path(), "header block {" + block.namespace() + "}"
                        + block.localName() + " is marked mustUnderstand and this MSH does not understand it (ENV-4)");
                return false;
            }
        }
        return true;
    }

    private static boolean aimedAtThisMsh(ReadElement block) {
        String actor = block.attribute(SOAP11, "actor");
        return actor == null || Actor.fromUri(actor).isPresent();
    }

    /** ENV-2: every ebXML extension element carries eb:version="2.0"; another version is NotSupported. */
    private static void checkVersions(List<ReadElement> elements, Set<String> names, ProblemList problems) {
        for (ReadElement element : elements) {
            if (!element.namespace().equals(EB) || !names.contains(element.localName())) {
                continue;
            }
            String version = ElementValues.ebAttribute(element, "version");
            if (version == null) {
                problems.error(ErrorCode.OTHER_XML, element.attributePath("version"),
                        "eb:" + element.localName() + " has no eb:version (ENV-2)");
            } else if (!DecoderNames.EB_VERSION.equals(version.strip())) {
                problems.error(ErrorCode.NOT_SUPPORTED, element.attributePath("version"), "eb:" + element.localName()
                        + " has eb:version '" + version + "'; this MSH supports ebMS 2.0 only (ENV-2)");
            }
        }
    }
}
