package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.Description;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageId;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.ebrelay.adapter.soap.DecoderNames.EB;

/** Reads typed values out of ebXML elements, reporting what is missing or malformed as OtherXml. */
final class ElementValues {
    private ElementValues() {
    }

    /** The single eb child named {@code local}, or null; a repeated one is reported (duplicated singleton). */
    static ReadElement single(ReadElement parent, String local, ProblemList problems) {
        List<ReadElement> found = parent.children(EB, local);
        if (found.size() > 1) {
            problems.error(ErrorCode.OTHER_XML, found.get(1).path(),
                    "eb:" + local + " appears " + found.size() + " times in eb:" + parent.localName() + "; only one is allowed");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The trimmed text of a required child, or null (reported) when it is missing or empty. */
    static String requiredText(ReadElement parent, String local, ProblemList problems) {
        ReadElement child = single(parent, local, problems);
        if (child == null) {
            problems.error(ErrorCode.OTHER_XML, parent.path() + "/" + local,
                    "eb:" + parent.localName() + " has no eb:" + local);
            return null;
        }
        return nonEmptyText(child, problems);
    }

    /** The trimmed text of an optional child, or null when absent or empty (empty is reported). */
    static String optionalText(ReadElement parent, String local, ProblemList problems) {
        ReadElement child = single(parent, local, problems);
        return child == null ? null : nonEmptyText(child, problems);
    }

    static String nonEmptyText(ReadElement element, ProblemList problems) {
        String text = element.text();
        if (text.isEmpty()) {
            problems.error(ErrorCode.OTHER_XML, element.path(), "eb:" + element.localName() + " is empty");
            return null;
        }
        return text;
    }

    /** A required xsd:dateTime child in UTC, or null (reported). */
    static Instant requiredTime(ReadElement parent, String local, ProblemList problems) {
        String text = requiredText(parent, local, problems);
        return text == null ? null : time(text, parent.path() + "/" + local, problems);
    }

    /** An optional xsd:dateTime child in UTC, or null (a malformed one is reported). */
    static Instant optionalTime(ReadElement parent, String local, ProblemList problems) {
        String text = optionalText(parent, local, problems);
        return text == null ? null : time(text, parent.path() + "/" + local, problems);
    }

    private static Instant time(String text, String location, ProblemList problems) {
        Instant instant = XsdDateTimeParser.parse(text);
        if (instant == null) {
            problems.error(ErrorCode.OTHER_XML, location, "'" + text + "' is not an xsd:dateTime");
        }
        return instant;
    }

    /**
     * A required eb:RefToMessageId child. A value with angle brackets or inner white space cannot be a
     * MessageId (HDR-4): it is reported as OtherXml but kept, so that a receiver can still correlate.
     */
    static MessageId refToMessageId(ReadElement parent, boolean required, ProblemList problems) {
        String text = required ? requiredText(parent, "RefToMessageId", problems)
                : optionalText(parent, "RefToMessageId", problems);
        if (text == null) {
            return null;
        }
        if (text.indexOf('<') >= 0 || text.indexOf('>') >= 0 || text.chars().anyMatch(Character::isWhitespace)) {
            problems.error(ErrorCode.OTHER_XML, parent.path() + "/RefToMessageId", "RefToMessageId '" + text
                    + "' contains angle brackets or white space; a MessageId has neither (HDR-4)");
        }
        return MessageId.of(text);
    }

    /** The eb:Description children with their xml:lang. */
    static List<Description> descriptions(ReadElement parent) {
        List<Description> descriptions = new ArrayList<>();
        for (ReadElement d : parent.children(EB, "Description")) {
            descriptions.add(new Description(d.attribute(DecoderNames.XML, "lang"), d.text()));
        }
        return descriptions;
    }

    /** A namespace-qualified eb: attribute (attributeFormDefault is qualified), or null. */
    static String ebAttribute(ReadElement element, String local) {
        return element.attribute(EB, local);
    }

    /** An absolute URI (with a scheme), as HDR-1 and HDR-2 require of untyped values. */
    static boolean isUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** xsd:boolean, or null when the value is not one. */
    static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
