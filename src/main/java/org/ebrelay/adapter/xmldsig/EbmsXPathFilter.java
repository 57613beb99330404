package org.ebrelay.adapter.xmldsig;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The one XPath filter the ebMS 2.0 signature profile prescribes (SIG-4), evaluated without an XPath engine:
 * {@code not(ancestor-or-self::node()[@SOAP:actor="…nextMSH"] | ancestor-or-self::node()[@SOAP:actor="…/next"])}.
 * A node is kept unless it, or an element around it, carries SOAP-1.1 {@code actor} with one of the two values: the
 * same answer the XPath gives for every node (an attribute's ancestors are its owner element and that element's).
 * Only an expression that is this filter token for token, whose prefixes the ds:XPath element binds to the SOAP 1.1
 * namespace, is recognised; anything else is left to the generic engine, errors included.
 */
final class EbmsXPathFilter {
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String NEXT_MSH = "urn:oasis:names:tc:ebxml-msg:actor:nextMSH";
    static final String SOAP_NEXT = "http://schemas.xmlsoap.org/soap/actor/next";

    private static final String PREFIX = "([A-Za-z_][A-Za-z0-9_.\\-]*)";
    private static final String STEP = "ancestor-or-self::node\\(\\)\\[@" + PREFIX + ":actor=(\"[^\"]*\"|'[^']*')\\]";
    private static final String SPACE = "[ \\t\\r\\n]*";
    /** Whitespace only where it separates tokens of the filter; within a token it would be another expression. */
    private static final Pattern STANDARD = Pattern.compile(SPACE + "not" + SPACE + "\\(" + SPACE + STEP + SPACE
            + "\\|" + SPACE + STEP + SPACE + "\\)" + SPACE);

    private EbmsXPathFilter() {
    }

    /**
     * Whether {@code expression}, read with the namespaces in scope at {@code namespaceNode}, is the standard filter.
     * Whitespace around the parentheses and the union does not count; inside the quoted actor values it does.
     */
    static boolean recognises(String expression, Node namespaceNode) {
        Matcher m = STANDARD.matcher(expression);
        if (!m.matches()) {
            return false;
        }
        String first = unquote(m.group(2));
        String second = unquote(m.group(4));
        boolean actors = first.equals(NEXT_MSH) && second.equals(SOAP_NEXT)
                || first.equals(SOAP_NEXT) && second.equals(NEXT_MSH);
        return actors && boundToSoap(m.group(1), namespaceNode) && boundToSoap(m.group(3), namespaceNode);
    }

    /** The filter's value for one node of the input node-set: true to keep it. */
    static boolean keeps(Node node) {
        Node at = node.getNodeType() == Node.ATTRIBUTE_NODE ? ((Attr) node).getOwnerElement() : node;
        for (; at != null; at = at.getParentNode()) {
            if (at.getNodeType() == Node.ELEMENT_NODE) {
                Attr actor = ((Element) at).getAttributeNodeNS(SOAP_NS, "actor");
                if (actor != null && (NEXT_MSH.equals(actor.getValue()) || SOAP_NEXT.equals(actor.getValue()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean boundToSoap(String prefix, Node namespaceNode) {
        return SOAP_NS.equals(namespaceNode.lookupNamespaceURI(prefix));
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }
}
