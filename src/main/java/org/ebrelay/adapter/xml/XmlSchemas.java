package org.ebrelay.adapter.xml;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The schemas ebrelay validates against, compiled once from the classpath ({@code /xsd}) with every import
 * resolved locally: nothing is ever fetched from the network.
 */
public final class XmlSchemas {
    private static final String BASE = "/xsd/";

    private static volatile Schema ebms;
    private static volatile Schema cpa;
    private static final ThreadLocal<Map<Schema, SAXParser>> PARSERS = ThreadLocal.withInitial(IdentityHashMap::new);

    private XmlSchemas() {
    }

    /** SOAP 1.1 envelope + ebMS 2.0 header (UPA-fixed), for a whole ebXML SOAP envelope. */
    public static Schema ebmsEnvelope() {
        Schema s = ebms;
        if (s == null) {
            s = ebms = compile("driver-ebms.xsd");
        }
        return s;
    }

    /** CPPA 2.0, for CPA documents. */
    public static Schema cpa() {
        Schema s = cpa;
        if (s == null) {
            s = cpa = compile("cpp-cpa-2_0.xsd");
        }
        return s;
    }

    /** One schema violation (or well-formedness error) at a position in the document. */
    public record Violation(int line, int column, String message) {
    }

    /**
     * Validates {@code document} against {@code schema} with a hardened parser and returns every violation
     * found, in document order (empty when valid). A document that is not well formed yields its one fatal error.
     */
    public static List<Violation> validate(Schema schema, byte[] document) {
        List<Violation> violations = new ArrayList<>();
        DefaultHandler collector = new DefaultHandler() {
            @Override
            public void warning(SAXParseException e) {
                // schema warnings are not violations
            }

            @Override
            public void error(SAXParseException e) {
                violations.add(new Violation(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                violations.add(new Violation(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
                throw e;
            }
        };
        try {
            SAXParser parser = parserFor(schema);
            parser.parse(new ByteArrayInputStream(document), collector);
        } catch (SAXParseException alreadyCollected) {
            // the fatal error is in the list
        } catch (SAXException | ParserConfigurationException | IOException e) {
            violations.add(new Violation(0, 0, String.valueOf(e.getMessage())));
        }
        return violations;
    }

    /**
     * A validating parser for {@code schema}, kept per thread: building one costs several times the validation
     * of a small envelope. {@link SAXParser#reset()} returns it to the hardened state the factory gave it.
     */
    private static SAXParser parserFor(Schema schema) throws ParserConfigurationException, SAXException {
        Map<Schema, SAXParser> parsers = PARSERS.get();
        SAXParser parser = parsers.get(schema);
        if (parser == null) {
            SAXParserFactory factory = SecureXml.saxFactory();
            factory.setSchema(schema);
            parser = factory.newSAXParser();
            parsers.put(schema, parser);
        } else {
            parser.reset();
        }
        return parser;
    }

    private static Schema compile(String name) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new ClasspathResolver());
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // imports are resolved by ClasspathResolver; the JDK must allow the "file"/"jar" URLs it returns
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            URL url = Objects.requireNonNull(XmlSchemas.class.getResource(BASE + name), name);
            return factory.newSchema(new StreamSource(url.openStream(), url.toExternalForm()));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot compile the bundled schema " + name, e);
        }
    }

    /** Resolves schemaLocation names against the bundled /xsd folder, never against the network. */
    private static final class ClasspathResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (systemId == null) {
                return null;
            }
            String file = systemId.substring(systemId.lastIndexOf('/') + 1);
            URL url = XmlSchemas.class.getResource(BASE + file);
            if (url == null) {
                throw new IllegalStateException("schema import not bundled: " + systemId);
            }
            return new ClasspathInput(url, publicId);
        }
    }

    private record ClasspathInput(URL url, String publicIdValue) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return url.toExternalForm(); }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicIdValue; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return url.toExternalForm(); }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
