package org.ebrelay.adapter.http;

import org.ebrelay.adapter.xml.SecureXml;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Reads just the faultcode of a SOAP 1.1 Fault in a response body, cheaply (StAX, stops at the faultcode) and
 * by namespace, not by prefix: {@code SOAP:Server}, {@code soapenv:Server} and {@code x:Server.Busy} all mean
 * Server when their prefix is bound to the SOAP 1.1 envelope namespace.
 */
final class SoapFaultCodes {
    static final String SOAP11_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final XMLInputFactory FACTORY = SecureXml.staxFactory();

    private SoapFaultCodes() {
    }

    /**
     * The standard faultcode's local name without its dotted refinement (Client, Server, MustUnderstand,
     * VersionMismatch), or empty when the body is not a readable SOAP 1.1 Fault with a faultcode in the
     * envelope namespace. The root part of a multipart/related body is read when the body is a MIME package.
     */
    static Optional<String> standardFaultCode(byte[] body) {
        int start = xmlStart(body);
        if (start < 0) {
            return Optional.empty();
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body, start, body.length - start));
            return findFaultCode(reader);
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty(); // unreadable: the caller treats it as "no readable fault"
        } finally {
            closeQuietly(reader);
        }
    }

    private static Optional<String> findFaultCode(XMLStreamReader reader) throws XMLStreamException {
        boolean inFault = false;
        boolean sawRoot = false;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                return Optional.empty(); // SecureXml leaves DOCTYPE rejection to readers
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!sawRoot) {
                sawRoot = true;
                if (!isEnvelopeElement(reader, "Envelope")) {
                    return Optional.empty();
                }
            } else if (isEnvelopeElement(reader, "Fault")) {
                inFault = true;
            } else if (inFault && "faultcode".equals(reader.getLocalName())) {
                return resolve(reader, reader.getElementText().trim());
            }
        }
        return Optional.empty();
    }

    /** Resolves the QName text in the scope of the faultcode element (the reader is on its end tag). */
    private static Optional<String> resolve(XMLStreamReader reader, String qname) {
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? "" : qname.substring(0, colon);
        String local = qname.substring(colon + 1);
        String namespace = reader.getNamespaceContext().getNamespaceURI(prefix);
        if (!SOAP11_ENVELOPE.equals(namespace) || local.isEmpty()) {
            return Optional.empty();
        }
        int dot = local.indexOf('.');
        return Optional.of(dot < 0 ? local : local.substring(0, dot));
    }

    private static boolean isEnvelopeElement(XMLStreamReader reader, String localName) {
        return localName.equals(reader.getLocalName()) && SOAP11_ENVELOPE.equals(reader.getNamespaceURI());
    }

    /** Offset of the XML: 0 for a plain body, after the first part's headers for a MIME package, -1 if none. */
    static int xmlStart(byte[] body) {
        int i = 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        if (i + 1 < body.length && body[i] == '-' && body[i + 1] == '-') {
            int headersEnd = indexOfBlankLine(body, i);
            return headersEnd < 0 ? -1 : headersEnd;
        }
        return i < body.length ? 0 : -1;
    }

    private static int indexOfBlankLine(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\n' && body[i + 1] == '\n') {
                return i + 2;
            }
            if (body[i] == '\n' && body[i + 1] == '\r' && i + 2 < body.length && body[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing held beyond the byte array
            }
        }
    }
}
