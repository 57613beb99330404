package org.ebrelay.adapter.cpa;

import org.ebrelay.adapter.xml.SecureXml;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.ext.Locator2;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Reads a document into {@link XmlNode}s with the hardened SAX parser (no DOCTYPE, no external entities).
 * SAX reports the position just after each start tag; afterwards every node is moved to its '&lt;', which is
 * where an editor should jump to (attribute values cannot contain '&lt;', so scanning back is exact).
 */
final class XmlTreeReader {
    private XmlTreeReader() {
    }

    static XmlNode read(byte[] document) throws SAXException, IOException {
        Builder builder = new Builder();
        try {
            SecureXml.saxFactory().newSAXParser().parse(new ByteArrayInputStream(document), builder);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be configured", e);
        }
        moveToStartTags(builder.nodes, decode(document, builder.encoding));
        return builder.root;
    }

    private static String decode(byte[] document, String encoding) {
        Charset charset = StandardCharsets.UTF_8;
        try {
            if (encoding != null) {
                charset = Charset.forName(encoding);
            }
        } catch (IllegalArgumentException unknown) {
            // keep UTF-8: positions may be off for exotic encodings, nothing worse
        }
        String text = new String(document, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void moveToStartTags(List<XmlNode> nodes, String text) {
        List<Integer> lineStarts = lineStarts(text);
        for (XmlNode node : nodes) {
            if (node.line() < 1 || node.line() > lineStarts.size()) {
                continue;
            }
            int afterTag = Math.min(text.length(), lineStarts.get(node.line() - 1) + node.column() - 1);
            int open = text.lastIndexOf('<', afterTag - 1);
            if (open >= 0) {
                int line = lineIndex(lineStarts, open);
                node.moveTo(line + 1, open - lineStarts.get(line) + 1);
            }
        }
    }

    /** Offsets at which each line starts; \r\n, \r and \n end a line, as XML parsers count them. */
    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
                starts.add(i + 1);
            } else if (c == '\n' || c == '\r') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    private static int lineIndex(List<Integer> lineStarts, int offset) {
        int low = 0;
        int high = lineStarts.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lineStarts.get(mid) <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static final class Builder extends DefaultHandler {
        private final List<XmlNode> nodes = new ArrayList<>();
        private final Deque<XmlNode> open = new ArrayDeque<>();
        private final Deque<StringBuilder> texts = new ArrayDeque<>();
        private Locator locator;
        private String encoding;
        private XmlNode root;

        @Override
        public void setDocumentLocator(Locator value) {
            locator = value;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (encoding == null && locator instanceof Locator2 l2) {
                encoding = l2.getEncoding();
            }
            Map<String, String> values = XmlNode.newAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                values.put(XmlNode.key(attributes.getURI(i), attributes.getLocalName(i)), attributes.getValue(i));
            }
            XmlNode node = new XmlNode(uri, localName, values, open.peek(),
                    locator == null ? 0 : locator.getLineNumber(), locator == null ? 0 : locator.getColumnNumber());
            if (root == null) {
                root = node;
            }
            nodes.add(node);
            open.push(node);
            texts.push(new StringBuilder());
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!texts.isEmpty()) {
                texts.peek().append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop().setText(texts.pop().toString());
        }
    }
}
