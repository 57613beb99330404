package org.ebrelay.adapter.cpa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An element of a CPA document with the position of its start tag: a small read-only tree, so that every
 * problem found in the agreement can point at the line an administrator has to edit.
 */
final class XmlNode {
    static final String CPPA_NS = "http://www.oasis-open.org/committees/ebxml-cppa/schema/cpp-cpa-2_0.xsd";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    private final String namespace;
    private final String localName;
    private final Map<String, String> attributes;
    private final XmlNode parent;
    private final List<XmlNode> children = new ArrayList<>();
    private String text = "";
    private int line;
    private int column;

    XmlNode(String namespace, String localName, Map<String, String> attributes, XmlNode parent, int line, int column) {
        this.namespace = namespace;
        this.localName = localName;
        this.attributes = Map.copyOf(attributes);
        this.parent = parent;
        this.line = line;
        this.column = column;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    /** The key attributes are stored under: "{namespace}local", or "local" without a namespace. */
    static String key(String namespace, String local) {
        return namespace == null || namespace.isEmpty() ? local : "{" + namespace + "}" + local;
    }

    void setText(String value) {
        text = value.strip();
    }

    void moveTo(int newLine, int newColumn) {
        line = newLine;
        column = newColumn;
    }

    String localName() {
        return localName;
    }

    String namespace() {
        return namespace;
    }

    boolean is(String cppaLocalName) {
        return CPPA_NS.equals(namespace) && localName.equals(cppaLocalName);
    }

    XmlNode parent() {
        return parent;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    /** The direct text content, whitespace trimmed (cpa-digest §6). */
    String text() {
        return text;
    }

    /** A tns-qualified attribute, trimmed, or null. */
    String attr(String local) {
        return attrNs(CPPA_NS, local);
    }

    String attrNs(String namespaceUri, String local) {
        String value = attributes.get(key(namespaceUri, local));
        return value == null ? null : value.strip();
    }

    List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** Child elements in the CPPA namespace with this local name. */
    List<XmlNode> children(String cppaLocalName) {
        return children.stream().filter(c -> c.is(cppaLocalName)).toList();
    }

    Optional<XmlNode> child(String cppaLocalName) {
        return children.stream().filter(c -> c.is(cppaLocalName)).findFirst();
    }

    /** The first child's trimmed text, or null when there is no such child. */
    String childText(String cppaLocalName) {
        return child(cppaLocalName).map(XmlNode::text).orElse(null);
    }

    /** Descendants (not this node) in the CPPA namespace with this local name, in document order. */
    List<XmlNode> descendants(String cppaLocalName) {
        List<XmlNode> found = new ArrayList<>();
        walk(n -> {
            if (n != this && n.is(cppaLocalName)) {
                found.add(n);
            }
        });
        return found;
    }

    /** Descendants (not this node) in any namespace with this local name. */
    List<XmlNode> descendantsNamed(String namespaceUri, String local) {
        List<XmlNode> found = new ArrayList<>();
        walk(n -> {
            if (n != this && namespaceUri.equals(n.namespace) && n.localName.equals(local)) {
                found.add(n);
            }
        });
        return found;
    }

    /** This node and all below it, depth first in document order. */
    void walk(Consumer<XmlNode> visitor) {
        visitor.accept(this);
        for (XmlNode child : children) {
            child.walk(visitor);
        }
    }

    /** The nearest ancestor (or this node) in the CPPA namespace with this local name. */
    Optional<XmlNode> ancestor(String cppaLocalName) {
        for (XmlNode n = this; n != null; n = n.parent) {
            if (n.is(cppaLocalName)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    static Map<String, String> newAttributes() {
        return new HashMap<>();
    }

    @Override
    public String toString() {
        return localName + "@" + line + ":" + column;
    }
}
