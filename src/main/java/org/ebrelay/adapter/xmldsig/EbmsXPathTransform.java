package org.ebrelay.adapter.xmldsig;

import javax.xml.transform.TransformerException;
import org.apache.xml.security.transforms.implementations.TransformXPath;
import org.apache.xml.security.utils.JDKXPathFactory;
import org.apache.xml.security.utils.XPathAPI;
import org.apache.xml.security.utils.XPathFactory;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Santuario's XPath transform with the ebMS filter evaluated natively ({@link EbmsXPathFilter}). Santuario asks the
 * XPath engine once per node of the document, several milliseconds a message; the native test is a walk up the
 * node's ancestors. Any other expression goes to the JDK engine exactly as in the stock transform.
 */
public final class EbmsXPathTransform extends TransformXPath {
    @Override
    protected XPathFactory getXPathFactory() {
        return new XPathFactory() {
            @Override
            public XPathAPI newXPathAPI() {
                return new FilterFirst(new JDKXPathFactory().newXPathAPI());
            }
        };
    }

    /** Recognises the standard filter once per transform, then answers each node without the engine. */
    private static final class FilterFirst implements XPathAPI {
        private final XPathAPI generic;
        private String recognisedFor;

        FilterFirst(XPathAPI generic) {
            this.generic = generic;
        }

        @Override
        public boolean evaluate(Node contextNode, Node xpathnode, String str, Node namespaceNode)
                throws TransformerException {
            if (str.equals(recognisedFor)) {
                return EbmsXPathFilter.keeps(contextNode);
            }
            if (recognisedFor == null && EbmsXPathFilter.recognises(str, namespaceNode)) {
                recognisedFor = str;
                return EbmsXPathFilter.keeps(contextNode);
            }
            return generic.evaluate(contextNode, xpathnode, str, namespaceNode);
        }

        @Override
        public NodeList selectNodeList(Node contextNode, Node xpathnode, String str, Node namespaceNode)
                throws TransformerException {
            return generic.selectNodeList(contextNode, xpathnode, str, namespaceNode);
        }

        @Override
        public void clear() {
            generic.clear();
        }
    }
}
