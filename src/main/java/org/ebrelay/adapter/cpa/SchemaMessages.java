package org.ebrelay.adapter.cpa;

import org.ebrelay.adapter.xml.XmlSchemas.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Xerces schema and parser messages into sentences an administrator understands: no "cvc-…" codes,
 * elements written with their usual prefixes, and a facet failure merged with the report that names the
 * attribute or element it belongs to.
 */
final class SchemaMessages {
    /** Messages of a validation run: the readable problems, and the dangling IDREFs (reported better later). */
    record Report(List<Violation> problems, List<Violation> danglingReferences) {
    }

    private static final Map<String, String> PREFIXES = Map.of(
            XmlNode.CPPA_NS, "tns", XmlNode.DSIG_NS, "ds", "http://www.w3.org/1999/xlink", "xlink",
            "http://www.w3.org/XML/1998/namespace", "xml");
    private static final Pattern CODE = Pattern.compile("^(cvc-[a-zA-Z0-9.-]+): (.*)$", Pattern.DOTALL);
    private static final Pattern CLARK = Pattern.compile("\\{?\"([^\"]*)\":([^,}'\\s]+)}?");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Map<String, String> TYPE_HINTS = Map.of(
            "duration", "a duration such as PT30S or P1D", "dateTime", "a date and time such as 2026-01-01T00:00:00Z",
            "integer", "a whole number", "int", "a whole number", "nonNegativeInteger", "a whole number of 0 or more",
            "boolean", "true or false", "anyURI", "a URI", "base64Binary", "base64 text", "ID", "a name without spaces (an XML id)",
            "IDREF", "the id of another element (a name without spaces)");

    private SchemaMessages() {
    }

    static Report humanize(List<Violation> raw) {
        List<Violation> problems = new ArrayList<>();
        List<Violation> dangling = new ArrayList<>();
        Violation facet = null;
        Violation previous = null;
        for (Violation v : raw) {
            Matcher m = CODE.matcher(v.message());
            String code = m.matches() ? m.group(1) : "";
            String body = m.matches() ? m.group(2) : v.message();
            boolean samePlace = previous != null && previous.line() == v.line() && previous.column() == v.column();
            if (code.equals("cvc-id.1")) {
                dangling.add(new Violation(v.line(), v.column(), "\"" + quoted(body, 0)
                        + "\" is referred to, but no element in this CPA has that id"));
            } else if (code.endsWith("-valid") || code.startsWith("cvc-datatype-valid")) {
                flush(facet, problems);
                facet = v;
            } else if (code.equals("cvc-attribute.3") || code.equals("cvc-type.3.1.3")) {
                boolean afterDuplicateId = samePlace && previous.message().startsWith("cvc-id.2");
                if (!afterDuplicateId) {
                    Violation detail = facet != null && facet.line() == v.line() && facet.column() == v.column()
                            ? facet : null;
                    problems.add(at(v, invalidValue(code, body, detail)));
                }
                facet = null;
            } else {
                flush(facet, problems);
                facet = null;
                problems.add(at(v, sentence(code, body)));
            }
            previous = v;
        }
        flush(facet, problems);
        return new Report(problems, dangling);
    }

    private static void flush(Violation facet, List<Violation> problems) {
        if (facet != null) {
            String body = CODE.matcher(facet.message()).replaceFirst("$2");
            problems.add(at(facet, names("the value \"" + abbreviate(quoted(body, 0)) + "\" is not valid: "
                    + detail(facet.message(), body))));
        }
    }

    private static Violation at(Violation v, String message) {
        return new Violation(v.line(), v.column(), message);
    }

    /** "the value "x" of attribute tns:a on tns:E is not valid: allowed values are …". */
    private static String invalidValue(String code, String body, Violation facet) {
        String value = abbreviate(quoted(body, 0));
        String subject = code.equals("cvc-attribute.3")
                ? "attribute " + quoted(body, 1) + " on " + quoted(body, 2)
                : quoted(body, 1);
        String reason = facet == null ? "" : ": " + detail(facet.message(), CODE.matcher(facet.message()).replaceFirst("$2"));
        return names("the value \"" + value + "\" of " + subject + " is not valid" + reason);
    }

    /** What a facet failure asks for, in words. */
    private static String detail(String message, String body) {
        if (message.startsWith("cvc-enumeration-valid")) {
            String allowed = body.replaceFirst("(?s).*enumeration '\\[(.*)]'.*", "$1");
            return "allowed values are " + allowed;
        }
        if (message.startsWith("cvc-datatype-valid")) {
            String type = quoted(body, 1);
            return "it must be " + TYPE_HINTS.getOrDefault(type, "a valid " + type);
        }
        if (message.startsWith("cvc-minLength-valid")) {
            return "it must not be empty";
        }
        return body;
    }

    private static String sentence(String code, String body) {
        return names(switch (code) {
            case "cvc-complex-type.2.4.a" -> "unexpected element " + quoted(body, 0) + ": " + expected(body)
                    + " is expected here (missing, misspelt or out of order?)";
            case "cvc-complex-type.2.4.b" -> "element " + quoted(body, 0) + " is incomplete: " + expected(body)
                    + " is missing";
            case "cvc-complex-type.2.4.d" -> "unexpected element " + quoted(body, 0)
                    + ": no more child elements are allowed here";
            case "cvc-complex-type.3.2.2" -> unknownAttribute(quoted(body, 0), quoted(body, 1));
            case "cvc-complex-type.4" -> missingAttribute(body);
            case "cvc-id.2" -> "the id \"" + quoted(body, 0) + "\" is used more than once; ids (channelId, certId,"
                    + " transportId, docExchangeId, securityId, binding and packaging ids) must be unique in the CPA";
            case "cvc-elt.1.a" -> "the root element is " + quoted(body, 0)
                    + ", not tns:CollaborationProtocolAgreement in namespace " + XmlNode.CPPA_NS + ": is this a CPA?";
            case "" -> wellFormedness(body);
            default -> body;
        });
    }

    /** "Attribute 'a' [belonging to namespace 'ns',] must appear on element 'tns:E'." */
    private static String missingAttribute(String body) {
        boolean qualified = body.contains("belonging to namespace");
        String attribute = qualified ? "{\"" + quoted(body, 1) + "\":" + quoted(body, 0) + "}" : quoted(body, 0);
        return "element " + quoted(body, qualified ? 2 : 1) + " lacks the required attribute " + attribute;
    }

    /** Long values (a whole certificate) cut to what identifies them. */
    private static String abbreviate(String value) {
        String flat = value.replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }

    private static String unknownAttribute(String attribute, String element) {
        String hint = attribute.contains(":") ? "" : "; CPA attributes must be namespace-qualified: write tns:"
                + attribute;
        return "attribute \"" + attribute + "\" is not allowed on " + element + hint;
    }

    private static String wellFormedness(String message) {
        if (message.contains("DOCTYPE is disallowed")) {
            return "a DOCTYPE is not allowed in a CPA (DTDs and entities are refused for safety); remove the"
                    + " <!DOCTYPE ...> declaration";
        }
        if (message.startsWith("Content is not allowed in prolog")) {
            return "not an XML document: there is text before the first element";
        }
        if (message.startsWith("Premature end of file") || message.startsWith("XML document structures must start")) {
            return "the file ends before the XML document is complete";
        }
        return "not well-formed XML: " + message;
    }

    /** "tns:A" or "one of tns:A, tns:B" from "One of '{…}' is expected." */
    private static String expected(String body) {
        String list = quoted(body, 1);
        return list.contains(",") ? "one of " + list : list;
    }

    /** The n-th '…' quoted part of a message (0-based), or "" when there is none. */
    private static String quoted(String body, int index) {
        Matcher m = QUOTED.matcher(body);
        for (int i = 0; m.find(); i++) {
            if (i == index) {
                return m.group(1);
            }
        }
        return "";
    }

    /** {"namespace":Local} written as prefix:Local with the usual prefixes. */
    static String names(String text) {
        Matcher m = CLARK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String prefix = PREFIXES.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    (prefix == null ? "" : prefix + ":") + m.group(2).trim()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
