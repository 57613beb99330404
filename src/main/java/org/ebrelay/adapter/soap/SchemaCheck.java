package org.ebrelay.adapter.soap;

import org.ebrelay.adapter.xml.XmlSchemas;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a SOAP part against the SOAP 1.1 envelope and ebMS 2.0 header schemas and turns the violations into
 * OtherXml problems located like the decoder's own ({@code //Header/...}). Violations at one position become
 * one problem; the lenient {@code mustUnderstand="true"/"false"} (ENV-4) is not reported; nor is a violation the
 * decoder's own checks already named.
 */
final class SchemaCheck {
    private static final Pattern CODE_PREFIX = Pattern.compile("^cvc-[\\w.-]+:\\s*");
    private static final Pattern ATTRIBUTE = Pattern.compile("of attribute '(?:[^':]*:)?([^']+)'");

    private SchemaCheck() {
    }

    static List<EbmsError> problems(byte[] soapPart, List<EnvelopeReader.Span> spans, List<EbmsError> own) {
        List<XmlSchemas.Violation> violations = XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), soapPart);
        List<EbmsError> problems = new ArrayList<>();
        int i = 0;
        while (i < violations.size()) {
            int j = i;
            while (j < violations.size() && samePosition(violations.get(i), violations.get(j))) {
                j++;
            }
            List<XmlSchemas.Violation> group = violations.subList(i, j);
            i = j;
            if (isLenientMustUnderstand(group)) {
                continue;
            }
            String location = locate(group, spans);
            if (!alreadyReported(location, group, own)) {
                problems.add(EbmsError.error(ErrorCode.OTHER_XML, location, describe(group)));
            }
        }
        return problems;
    }

    private static boolean samePosition(XmlSchemas.Violation a, XmlSchemas.Violation b) {
        return a.line() == b.line() && a.column() == b.column();
    }

    /** SOAP 1.1 allows only 0/1, but "true"/"false" are accepted on receipt (sample 04). */
    private static boolean isLenientMustUnderstand(List<XmlSchemas.Violation> group) {
        boolean aboutMustUnderstand = group.stream().anyMatch(v -> v.message().contains("mustUnderstand"));
        boolean onlyBooleanWords = group.stream()
                .allMatch(v -> v.message().contains("'true'") || v.message().contains("'false'"));
        return aboutMustUnderstand && onlyBooleanWords;
    }

    /** The innermost element spanning the violation's position, plus the attribute when one is named. */
    private static String locate(List<XmlSchemas.Violation> group, List<EnvelopeReader.Span> spans) {
        XmlSchemas.Violation first = group.get(0);
        EnvelopeReader.Span innermost = null;
        for (EnvelopeReader.Span span : spans) {
            if (span.contains(first.line(), first.column()) && (innermost == null || starts(span, innermost))) {
                innermost = span;
            }
        }
        if (innermost == null) {
            return null;
        }
        for (XmlSchemas.Violation v : group) {
            Matcher attribute = ATTRIBUTE.matcher(v.message());
            if (attribute.find()) {
                return innermost.path() + "/@" + attribute.group(1);
            }
        }
        return innermost.path();
    }

    private static boolean starts(EnvelopeReader.Span later, EnvelopeReader.Span than) {
        return later.startLine() > than.startLine()
                || later.startLine() == than.startLine() && later.startColumn() > than.startColumn();
    }

    /**
     * A violation is already reported when an own problem sits at the same place or around it, or when the
     * violation names the element of an own problem and lies within that element's parent: the schema reports a
     * missing element at its parent's end or at the next sibling ("One of '{...:Timestamp}' is expected").
     */
    private static boolean alreadyReported(String location, List<XmlSchemas.Violation> group, List<EbmsError> own) {
        if (location == null) {
            return false;
        }
        for (EbmsError problem : own) {
            String at = problem.location();
            if (at == null || !at.startsWith("//")) {
                continue;
            }
            if (within(location, at)) {
                return true;
            }
            int slash = at.lastIndexOf('/');
            if (within(location, at.substring(0, slash)) && namesElement(group, lastStep(at, slash))) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(String location, String ancestorOrSelf) {
        return location.equals(ancestorOrSelf) || location.startsWith(ancestorOrSelf + "/");
    }

    private static String lastStep(String path, int slash) {
        String step = path.substring(slash + 1);
        return step.startsWith("@") ? step.substring(1) : step;
    }

    private static boolean namesElement(List<XmlSchemas.Violation> group, String local) {
        return group.stream().anyMatch(v -> v.message().contains(":" + local + "}") || v.message().contains(":" + local + "'")
                || v.message().contains("'" + local + "'"));
    }

    private static String describe(List<XmlSchemas.Violation> group) {
        StringBuilder text = new StringBuilder("does not match the ebMS 2.0 schema (line ")
                .append(group.get(0).line()).append(", column ").append(group.get(0).column()).append("): ");
        for (int k = 0; k < group.size(); k++) {
            text.append(k == 0 ? "" : "; ").append(CODE_PREFIX.matcher(group.get(k).message()).replaceFirst(""));
        }
        return text.toString();
    }
}
