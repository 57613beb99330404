package org.ebrelay.adapter.xmldsig;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.ebrelay.adapter.xml.SecureXml;

/**
 * A SOAP envelope read once, as a stream, into what signing it needs without a DOM: its inclusive canonical form
 * (C14N 1.0 without comments) cut where the Header ends, so a signature can go in as the Header's last child; the
 * canonical form of what the envelope reference signs (the same without the elements the ebMS XPath filter leaves
 * out, {@link EbmsXPathFilter}); and the namespaces in scope inside the Header, which the canonical form of a
 * SignedInfo placed there inherits.
 *
 * <p>The filter leaves out whole subtrees (an element addressed to the next MSH and all below it), so every element
 * kept has all its ancestors kept and is written as in the canonical form of the whole document. An envelope this
 * pass does not cover (a processing instruction, a DTD, an entity reference, an existing signature, {@code xml:}
 * attributes the SignedInfo would inherit, no SOAP 1.1 Header, a second Header) is reported as empty, for the DOM
 * signer to handle.
 *
 * <p>Read for verification ({@link #readSigned}), the same pass takes the one signature among the Header's children
 * out of the envelope, as the enveloped-signature transform does, and gives it as {@link ReceivedSignature}.
 */
final class CanonicalEnvelope {
    private static final XMLInputFactory STAX = SecureXml.staxFactory();
    private static final Comparator<String[]> ATTRIBUTE_ORDER =
            Comparator.<String[], String>comparing(a -> a[0]).thenComparing(a -> a[1]);

    /** The canonical envelope up to the Header's end tag. */
    final String head;
    /** The canonical envelope from the Header's end tag on. */
    final String tail;
    /** The canonical form the envelope reference covers, as UTF-8. */
    final byte[] signedPart;
    /** The namespaces in scope inside the Header, by prefix ("" for the default namespace), in canonical order. */
    final Map<String, String> headerScope;
    /** The signature among the Header's children ({@link #readSigned}); null for an envelope read to be signed. */
    final ReceivedSignature signature;

    private CanonicalEnvelope(String head, String tail, byte[] signedPart, Map<String, String> headerScope,
                              ReceivedSignature signature) {
        this.head = head;
        this.tail = tail;
        this.signedPart = signedPart;
        this.headerScope = headerScope;
        this.signature = signature;
    }

    /** The envelope read, or empty when it has something this pass leaves to the DOM signer or is not XML. */
    static Optional<CanonicalEnvelope> read(byte[] envelope) {
        return read(envelope, false);
    }

    /**
     * A signed envelope read for its signature's check: the {@link #signature} (one ds:Signature, a child of the
     * Header, of the shape {@link ReceivedSignature} recognises) and the {@link #signedPart} without it, as the
     * enveloped-signature transform and the ebMS filter leave the envelope; {@link #head} and {@link #tail} are
     * not written. Empty for anything else: no signature or more than one, a signature of another shape, or what
     * {@link #read} leaves to the DOM.
     */
    static Optional<CanonicalEnvelope> readSigned(byte[] envelope) {
        return read(envelope, true);
    }

    private static Optional<CanonicalEnvelope> read(byte[] envelope, boolean signed) {
        try {
            return new Pass(signed).run(envelope);
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** One reading: the two outputs and the namespace scope as the stream goes. */
    private static final class Pass {
        private final boolean signed;
        private final StringBuilder whole = new StringBuilder(4096);
        private final StringBuilder part = new StringBuilder(4096);
        private final Map<String, String> scope = new HashMap<>();
        /** Per open element, the bindings it changed and what they were before (null: unbound). */
        private final Deque<List<String[]>> undo = new ArrayDeque<>();
        private int depth;
        private int leftOutFrom = -1;
        private int headerEndsAt = -1;
        private Map<String, String> headerScope;
        private boolean inHeader;
        private ReceivedSignature signature;

        Pass(boolean signed) {
            this.signed = signed;
        }

        Optional<CanonicalEnvelope> run(byte[] envelope) throws XMLStreamException {
            XMLStreamReader reader = STAX.createXMLStreamReader(new ByteArrayInputStream(envelope));
            try {
                while (reader.hasNext()) {
                    switch (reader.next()) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            if (!start(reader)) {
                                return Optional.empty();
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> end(reader);
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                            if (depth > 0) {
                                text(reader.getText());
                            }
                        }
                        case XMLStreamConstants.COMMENT, XMLStreamConstants.START_DOCUMENT,
                                XMLStreamConstants.END_DOCUMENT -> {
                            // comments are not part of C14N without comments; the XML declaration is not either
                        }
                        default -> {
                            return Optional.empty(); // processing instruction, DTD, entity reference
                        }
                    }
                }
            } finally {
                reader.close();
            }
            if (headerEndsAt < 0 || signed && signature == null) {
                return Optional.empty();
            }
            return Optional.of(new CanonicalEnvelope(whole.substring(0, headerEndsAt), whole.substring(headerEndsAt),
                    part.toString().getBytes(StandardCharsets.UTF_8), headerScope, signature));
        }

        private boolean start(XMLStreamReader reader) throws XMLStreamException {
            depth++;
            String namespace = nonNull(reader.getNamespaceURI());
            String local = reader.getLocalName();
            if (depth == 1 && !(EbmsXPathFilter.SOAP_NS.equals(namespace) && "Envelope".equals(local))) {
                return false;
            }
            if (Dom.DSIG_NS.equals(namespace) && "Signature".equals(local)) {
                return signed && depth == 3 && inHeader && signature == null && signature(reader);
            }
            if (depth == 2 && EbmsXPathFilter.SOAP_NS.equals(namespace) && "Header".equals(local)) {
                if (headerScope != null) {
                    return false; // a second Header: SOAP allows one, and a verifier looks in the first
                }
                inHeader = true;
            } else if (depth == 2) {
                inHeader = false;
            }
            List<String[]> declared = new ArrayList<>(reader.getNamespaceCount());
            List<String[]> changed = new ArrayList<>(reader.getNamespaceCount());
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
                String prefix = nonNull(reader.getNamespacePrefix(i));
                String uri = nonNull(reader.getNamespaceURI(i));
                if (XMLConstants.XML_NS_PREFIX.equals(prefix)) {
                    return false; // the xml prefix declared explicitly: rare, and C14N treats it apart
                }
                String before = scope.get(prefix);
                if (!uri.equals(before == null ? "" : before)) {
                    declared.add(new String[] {prefix, uri});
                }
                changed.add(new String[] {prefix, before});
                scope.put(prefix, uri);
            }
            undo.push(changed);
            List<String[]> attributes = new ArrayList<>(reader.getAttributeCount());
            boolean toNextMsh = false;
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                String uri = nonNull(reader.getAttributeNamespace(i));
                String name = reader.getAttributeLocalName(i);
                String prefix = nonNull(reader.getAttributePrefix(i));
                if (depth <= 2 && XMLConstants.XML_NS_URI.equals(uri)) {
                    return false; // a SignedInfo in the Header would inherit it
                }
                String value = reader.getAttributeValue(i);
                toNextMsh |= EbmsXPathFilter.SOAP_NS.equals(uri) && "actor".equals(name)
                        && (EbmsXPathFilter.NEXT_MSH.equals(value) || EbmsXPathFilter.SOAP_NEXT.equals(value));
                attributes.add(new String[] {uri, name, prefix.isEmpty() ? name : prefix + ":" + name, value});
            }
            if (depth == 2 && inHeader) {
                headerScope = inCanonicalOrder(scope);
            }
            if (toNextMsh && leftOutFrom < 0) {
                leftOutFrom = depth;
            }
            declared.sort(Comparator.comparing(d -> d[0])); // the default namespace ("") sorts first
            attributes.sort(ATTRIBUTE_ORDER);
            StringBuilder tag = new StringBuilder(64).append('<').append(qname(reader));
            for (String[] d : declared) {
                tag.append(d[0].isEmpty() ? " xmlns" : " xmlns:" + d[0]).append("=\"");
                escapeAttribute(d[1], tag);
                tag.append('"');
            }
            for (String[] a : attributes) {
                tag.append(' ').append(a[2]).append("=\"");
                escapeAttribute(a[3], tag);
                tag.append('"');
            }
            tag.append('>');
            write(tag);
            return true;
        }

        /**
         * Reads the signature the reader is at, through its end tag, into {@link #signature}. What the
         * enveloped-signature transform removes is neither written nor part of the signed part.
         */
        private boolean signature(XMLStreamReader reader) throws XMLStreamException {
            Optional<ReceivedSignature> read = ReceivedSignature.read(reader,
                    scope.get(CanonicalSignedInfo.XPATH_SOAP_PREFIX));
            depth--;
            read.ifPresent(s -> signature = s);
            return read.isPresent();
        }

        private void end(XMLStreamReader reader) {
            if (depth == 2 && headerScope != null && headerEndsAt < 0
                    && EbmsXPathFilter.SOAP_NS.equals(reader.getNamespaceURI())
                    && "Header".equals(reader.getLocalName())) {
                headerEndsAt = whole.length();
            }
            write(new StringBuilder("</").append(qname(reader)).append('>'));
            if (leftOutFrom == depth) {
                leftOutFrom = -1;
            }
            for (String[] binding : undo.pop()) {
                if (binding[1] == null) {
                    scope.remove(binding[0]);
                } else {
                    scope.put(binding[0], binding[1]);
                }
            }
            depth--;
        }

        private void text(String text) {
            StringBuilder escaped = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> escaped.append("&amp;");
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '\r' -> escaped.append("&#xD;");
                    default -> escaped.append(c);
                }
            }
            write(escaped);
        }

        private void write(CharSequence canonical) {
            if (!signed) {
                whole.append(canonical);
            }
            if (leftOutFrom < 0) {
                part.append(canonical);
            }
        }

        private static String qname(XMLStreamReader reader) {
            String prefix = reader.getPrefix();
            return prefix == null || prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
        }
    }

    /** Attribute and namespace values as C14N writes them. */
    static void escapeAttribute(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#x9;");
                case '\n' -> out.append("&#xA;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    /** In-scope bindings in the order C14N renders namespace nodes: the default namespace first, then by prefix. */
    private static Map<String, String> inCanonicalOrder(Map<String, String> scope) {
        Map<String, String> ordered = new TreeMap<>(scope);
        if ("".equals(ordered.get(""))) {
            ordered.remove(""); // an empty default namespace is no namespace node
        }
        return ordered;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
