package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.SoapFault;

import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.Manifest;
import org.ebrelay.domain.message.ManifestReference;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageStatus;
import org.ebrelay.domain.message.StatusRequest;
import org.ebrelay.domain.message.StatusResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.ebrelay.adapter.soap.DecoderNames.EB;
import static org.ebrelay.adapter.soap.DecoderNames.XLINK;
import static org.ebrelay.adapter.soap.ElementValues.ebAttribute;
import static org.ebrelay.adapter.soap.ElementValues.single;

/** Maps what the SOAP Body holds: eb:Manifest, eb:StatusRequest, eb:StatusResponse, or a SOAP Fault. */
final class SoapBodyMapper {
    private SoapBodyMapper() {
    }

    /** eb:Manifest; foreign children (e.g. hl7ebxml:Payload) are ignored (ENV-6). */
    static Manifest manifest(ReadElement body, ProblemList problems) {
        ReadElement element = single(body, "Manifest", problems);
        if (element == null) {
            return null;
        }
        List<ManifestReference> references = new ArrayList<>();
        for (ReadElement reference : element.children(EB, "Reference")) {
            ManifestReference read = reference(reference, problems);
            if (read != null) {
                references.add(read);
            }
        }
        if (references.isEmpty()) {
            problems.error(ErrorCode.OTHER_XML, element.path() + "/Reference", "eb:Manifest holds no usable eb:Reference");
            return null;
        }
        return new Manifest(references);
    }

    private static ManifestReference reference(ReadElement reference, ProblemList problems) {
        String href = reference.attribute(XLINK, "href");
        if (href == null || href.isBlank()) {
            problems.error(ErrorCode.OTHER_XML, reference.attributePath("href"), "eb:Reference has no xlink:href");
            return null;
        }
        List<ManifestReference.SchemaLocation> schemas = new ArrayList<>();
        for (ReadElement schema : reference.children(EB, "Schema")) {
            String location = ebAttribute(schema, "location");
            if (location == null || location.isBlank()) {
                problems.error(ErrorCode.OTHER_XML, schema.attributePath("location"), "eb:Schema has no eb:location");
            } else {
                schemas.add(new ManifestReference.SchemaLocation(location.strip(), ebAttribute(schema, "version")));
            }
        }
        return new ManifestReference(href.strip(), ebAttribute(reference, "id"), reference.attribute(XLINK, "role"),
                schemas, ElementValues.descriptions(reference));
    }

    static StatusRequest statusRequest(ReadElement body, ProblemList problems) {
        ReadElement element = single(body, "StatusRequest", problems);
        if (element == null) {
            return null;
        }
        MessageId refTo = ElementValues.refToMessageId(element, true, problems);
        return refTo == null ? null : new StatusRequest(refTo);
    }

    static StatusResponse statusResponse(ReadElement body, ProblemList problems) {
        ReadElement element = single(body, "StatusResponse", problems);
        if (element == null) {
            return null;
        }
        MessageStatus status = status(element, problems);
        MessageId refTo = ElementValues.refToMessageId(element, true, problems);
        Instant timestamp = ElementValues.optionalTime(element, "Timestamp", problems);
        return status == null || refTo == null ? null : new StatusResponse(status, refTo, timestamp);
    }

    private static MessageStatus status(ReadElement element, ProblemList problems) {
        String text = ebAttribute(element, "messageStatus");
        try {
            return MessageStatus.fromWire(text == null ? null : text.strip());
        } catch (IllegalArgumentException e) {
            problems.error(ErrorCode.OTHER_XML, element.attributePath("messageStatus"), text == null
                    ? "eb:StatusResponse has no eb:messageStatus" : "eb:messageStatus '" + text + "' is not a message status");
            return null;
        }
    }

    /** A SOAP 1.1 Fault: faultcode's local part, faultstring and the text of detail (white space collapsed). */
    static SoapFault fault(ReadElement fault) {
        String code = childText(fault, "faultcode");
        int colon = code == null ? -1 : code.lastIndexOf(':');
        String local = code == null || code.isEmpty() ? SoapFault.SERVER : code.substring(colon + 1);
        ReadElement detail = childByLocalName(fault, "detail");
        String detailText = detail == null ? null : detail.allText();
        return new SoapFault(local, childText(fault, "faultstring"), detailText == null || detailText.isEmpty() ? null : detailText);
    }

    private static String childText(ReadElement parent, String local) {
        ReadElement child = childByLocalName(parent, local);
        return child == null ? null : child.text();
    }

    /** Fault children are unqualified in SOAP 1.1, but some senders qualify them: match the local name only. */
    private static ReadElement childByLocalName(ReadElement parent, String local) {
        for (ReadElement child : parent.children()) {
            if (child.localName().equals(local)) {
                return child;
            }
        }
        return null;
    }
}
