package org.ebrelay.adapter.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;

/**
 * Parser factories hardened for input from the network and from hand-edited files: no DTDs, no external
 * entities, no XInclude, and limits on depth, attribute and text sizes (ebMS 2.0 digest PKG-11).
 * Each call returns a new factory configured the same way; callers cache what they need.
 */
public final class SecureXml {
    /** Deepest element nesting accepted. ebXML headers are shallow; deeper input is hostile. */
    public static final int MAX_ELEMENT_DEPTH = 100;
    /** Largest attribute value accepted, in characters. */
    public static final int MAX_ATTRIBUTE_SIZE = 64 * 1024;
    /** Most attributes on one element. */
    public static final int MAX_ATTRIBUTES_PER_ELEMENT = 64;
    /** Largest single text node accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 8 * 1024 * 1024;

    private SecureXml() {
    }

    /**
     * A namespace-aware StAX factory (Woodstox) that refuses DTD processing and external entities and
     * enforces the limits above. A DOCTYPE still arrives as a DTD event: readers must reject it.
     */
    public static XMLInputFactory staxFactory() {
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_ELEMENT_DEPTH);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_ATTRIBUTE_SIZE);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES_PER_ELEMENT);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new javax.xml.stream.XMLStreamException("external entities are not allowed: " + systemId);
        });
        return factory;
    }

    /** A namespace-aware DOM factory that rejects any DOCTYPE. */
    public static DocumentBuilderFactory domFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** A namespace-aware SAX factory that rejects any DOCTYPE (used for validation with line numbers). */
    public static SAXParserFactory saxFactory() {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", e);
        }
        return factory;
    }
}
