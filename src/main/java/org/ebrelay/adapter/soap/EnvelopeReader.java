package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.SoapFault;

import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;
import org.codehaus.stax2.XMLStreamReader2;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Streams a SOAP part with a hardened StAX reader (one pass) into a {@link ReadElement} tree of the envelope.
 * A DOCTYPE or an entity reference stops reading at once, before anything could be expanded or fetched
 * (PKG-11). The inside of ds:Signature is not kept: the decoder only needs to know it is there.
 */
final class EnvelopeReader {
    /** Where an element starts and ends in the SOAP part, to place schema violations (1-based). */
    record Span(String path, int startLine, int startColumn, int endLine, int endColumn) {
        /**
         * Whether a position reported by the schema validator falls in this element. The validator reports the
         * position just after the offending tag, which is where a following sibling starts: hence the start is
         * exclusive and the end inclusive.
         */
        boolean contains(int line, int column) {
            return compare(startLine, startColumn, line, column) < 0 && compare(line, column, endLine, endColumn) <= 0;
        }

        private static int compare(int l1, int c1, int l2, int c2) {
            return l1 != l2 ? Integer.compare(l1, l2) : Integer.compare(c1, c2);
        }
    }

    /** What reading found: a SOAP 1.1 envelope, or why there is none. */
    sealed interface Outcome permits Envelope, Unreadable {
    }

    /** A well-formed SOAP 1.1 envelope; {@code spans} is empty unless asked for. */
    record Envelope(ReadElement root, boolean signed, List<Span> spans) implements Outcome {
    }

    /** Not a SOAP 1.1 envelope: the problem and the SOAP faultcode to answer with. */
    record Unreadable(String faultCode, EbmsError problem) implements Outcome {
    }

    private final XMLInputFactory factory;

    EnvelopeReader(XMLInputFactory factory) {
        this.factory = factory;
    }

    Outcome read(byte[] xml, boolean withSpans) {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            return new Walk(reader, withSpans).run();
        } catch (XMLStreamException | RuntimeException e) {
            return unreadable(SoapFault.CLIENT, "//Envelope",
                    "the SOAP part is not well-formed XML or exceeds a parser limit: " + firstLine(e.getMessage()));
        } finally {
            close(reader);
        }
    }

    private static Unreadable unreadable(String faultCode, String location, String description) {
        return new Unreadable(faultCode, EbmsError.error(ErrorCode.OTHER_XML, location, description));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown parser error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the byte array
            }
        }
    }

    /** One pass over the events of one document. */
    private static final class Walk {
        private final XMLStreamReader reader;
        private final boolean withSpans;
        private final Deque<ReadElement> open = new ArrayDeque<>();
        private final Deque<String> paths = new ArrayDeque<>();
        private final Deque<int[]> starts = new ArrayDeque<>();
        private final List<Span> spans = new ArrayList<>();
        private ReadElement root;
        private boolean signed;
        private int skipDepth;

        Walk(XMLStreamReader reader, boolean withSpans) {
            this.reader = reader;
            this.withSpans = withSpans;
        }

        Outcome run() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    return unreadable(SoapFault.CLIENT, "//Envelope", "a DOCTYPE is not allowed in a SOAP message "
                            + "(PKG-11); the message was rejected before any entity was expanded or fetched");
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    return unreadable(SoapFault.CLIENT, currentPath(), "entity reference &" + reader.getLocalName()
                            + "; is not allowed: SOAP messages declare no entities");
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    Unreadable wrongRoot = root == null ? checkRoot() : null;
                    if (wrongRoot != null) {
                        return wrongRoot;
                    }
                    start();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end();
                } else if (isText(event) && skipDepth == 0 && !open.isEmpty()) {
                    open.peek().appendText(reader.getText());
                }
            }
            if (root == null) {
                return unreadable(SoapFault.CLIENT, "//Envelope", "the SOAP part holds no XML element");
            }
            return new Envelope(root, signed, List.copyOf(spans));
        }

        private static boolean isText(int event) {
            return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE;
        }

        private Unreadable checkRoot() {
            String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            String local = reader.getLocalName();
            if (!"Envelope".equals(local)) {
                return unreadable(SoapFault.CLIENT, "/" + local, "the root element is " + local
                        + ", not a SOAP Envelope");
            }
            if (DecoderNames.SOAP12.equals(ns)) {
                return unreadable(SoapFault.VERSION_MISMATCH, "//Envelope",
                        "this is a SOAP 1.2 envelope; ebMS 2.0 uses SOAP 1.1 only (ENV-1)");
            }
            if (!DecoderNames.SOAP11.equals(ns)) {
                return unreadable(SoapFault.VERSION_MISMATCH, "//Envelope",
                        "the Envelope is in namespace '" + ns + "', not the SOAP 1.1 namespace");
            }
            return null;
        }

        private void start() {
            String ns = reader.getNamespaceURI();
            String local = reader.getLocalName();
            ReadElement parent = open.peek();
            String path = pathOf(parent, ns, local);
            paths.push(path);
            if (withSpans) {
                Location at = startLocation();
                starts.push(new int[] {at.getLineNumber(), at.getColumnNumber()});
            }
            boolean keep = skipDepth == 0;
            if (keep && parent != null && "//Header".equals(parent.path())
                    && DecoderNames.DS.equals(ns) && "Signature".equals(local)) {
                signed = true;
                keep = false;
            }
            if (!keep) {
                skipDepth++;
                open.push(parent == null ? new ReadElement(ns, local, path) : parent);
                return;
            }
            ReadElement element = new ReadElement(ns, local, path);
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                element.addAttribute(reader.getAttributeNamespace(i), reader.getAttributeLocalName(i),
                        reader.getAttributeValue(i));
            }
            if (parent == null) {
                root = element;
            } else {
                parent.addChild(element);
            }
            open.push(element);
        }

        private void end() throws XMLStreamException {
            open.pop();
            String path = paths.pop();
            if (skipDepth > 0) {
                skipDepth--;
            }
            if (withSpans) {
                int[] s = starts.pop();
                Location at = endLocation();
                spans.add(new Span(path, s[0], s[1], at.getLineNumber(), at.getColumnNumber()));
            }
        }

        /** {@code //Header/...} and {@code //Body/...} below the SOAP 1.1 Header and Body, as ebms-core reports. */
        private String pathOf(ReadElement parent, String ns, String local) {
            if (parent == null) {
                return "//Envelope";
            }
            if (parent == root) {
                return DecoderNames.SOAP11.equals(ns) ? "//" + local : "//Envelope/" + local;
            }
            return paths.peek() + "/" + local;
        }

        private String currentPath() {
            return paths.isEmpty() ? "//Envelope" : paths.peek();
        }

        private Location startLocation() {
            if (reader instanceof XMLStreamReader2 r2) {
                return r2.getLocationInfo().getStartLocation();
            }
            return reader.getLocation();
        }

        /** Where the current event ends: Woodstox knows it; other readers give the start. */
        private Location endLocation() throws XMLStreamException {
            if (reader instanceof XMLStreamReader2 r2) {
                return r2.getLocationInfo().getEndLocation();
            }
            return reader.getLocation();
        }
    }
}
