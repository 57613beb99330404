package org.ebrelay.adapter.soap;

import org.ebrelay.adapter.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** Test helper: the encoder's XML parsed with the JDK's hardened DOM, queried by namespace, never by prefix. */
final class EncodedXml {
    static final String SOAP = EnvelopeWriter.SOAP_NS;
    static final String EB = EnvelopeWriter.EB_NS;
    static final String XLINK = EnvelopeWriter.XLINK_NS;
    static final String DS = EnvelopeWriter.DS_NS;
    static final String XML = "http://www.w3.org/XML/1998/namespace";

    private EncodedXml() {
    }

    static Document parse(byte[] xml) {
        try {
            return SecureXml.domFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** All elements with this namespace and local name, in document order. */
    static List<Element> all(Node scope, String ns, String localName) {
        NodeList nodes = scope instanceof Document d ? d.getElementsByTagNameNS(ns, localName)
                : ((Element) scope).getElementsByTagNameNS(ns, localName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    /** The one element with this name (fails when there is none or more than one). */
    static Element one(Node scope, String ns, String localName) {
        List<Element> found = all(scope, ns, localName);
        if (found.size() != 1) {
            throw new AssertionError("expected one {" + ns + "}" + localName + ", found " + found.size());
        }
        return found.get(0);
    }

    static String text(Node scope, String ns, String localName) {
        return one(scope, ns, localName).getTextContent();
    }

    /** The element children of {@code parent} as {ns}local names, in order. */
    static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add((EB.equals(e.getNamespaceURI()) ? "eb:" : DS.equals(e.getNamespaceURI()) ? "ds:"
                        : SOAP.equals(e.getNamespaceURI()) ? "SOAP:" : "{" + e.getNamespaceURI() + "}")
                        + e.getLocalName());
            }
        }
        return names;
    }

    /** The value of a namespaced attribute, or null when it is absent. */
    static String attr(Element e, String ns, String localName) {
        return e.hasAttributeNS(ns, localName) ? e.getAttributeNS(ns, localName) : null;
    }
}
