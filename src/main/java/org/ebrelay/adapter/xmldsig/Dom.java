package org.ebrelay.adapter.xmldsig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.xml.security.parser.XMLParserException;
import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The SOAP envelope as a DOM: parsed without DTDs or entities, and written back as UTF-8. */
final class Dom {
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    private Dom() {
    }

    /** @throws XMLParserException for XML that is not well formed or declares a DOCTYPE */
    static Document parse(byte[] envelope) throws XMLParserException {
        return XMLUtils.read(new ByteArrayInputStream(envelope), true);
    }

    /** The document as written by Santuario's physical canonicaliser (what is in the tree, nothing added). */
    static byte[] write(Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII));
        XMLUtils.outputDOM(document, out, false);
        return out.toByteArray();
    }

    /** The SOAP 1.1 Header element of an envelope, or null. */
    static Element soapHeader(Document document) {
        Element envelope = document.getDocumentElement();
        if (envelope == null || !EbmsXPathFilter.SOAP_NS.equals(envelope.getNamespaceURI())) {
            return null;
        }
        return firstChild(envelope, EbmsXPathFilter.SOAP_NS, "Header");
    }

    static Element firstChild(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && namespace.equals(n.getNamespaceURI())
                    && localName.equals(n.getLocalName())) {
                return (Element) n;
            }
        }
        return null;
    }
}
