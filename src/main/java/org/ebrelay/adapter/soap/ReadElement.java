package org.ebrelay.adapter.soap;

import java.util.ArrayList;
import java.util.List;

/**
 * A small, read-only element tree of the ebXML header blocks and body elements, built while streaming the
 * SOAP part (a few dozen nodes; no W3C DOM). Each node knows its XPath-like location, e.g.
 * {@code //Header/MessageHeader/CPAId}, which is what problems report.
 */
final class ReadElement {
    private final String namespace;
    private final String localName;
    private final String path;
    private final List<String[]> attributes = new ArrayList<>(4);
    private final List<ReadElement> children = new ArrayList<>(4);
    private final StringBuilder text = new StringBuilder();

    ReadElement(String namespace, String localName, String path) {
        this.namespace = namespace == null ? "" : namespace;
        this.localName = localName;
        this.path = path;
    }

    void addAttribute(String ns, String local, String value) {
        attributes.add(new String[] {ns == null ? "" : ns, local, value});
    }

    void addChild(ReadElement child) {
        children.add(child);
    }

    void appendText(String chars) {
        text.append(chars);
    }

    boolean is(String ns, String local) {
        return namespace.equals(ns) && localName.equals(local);
    }

    String namespace() {
        return namespace;
    }

    String localName() {
        return localName;
    }

    /** The location problems report, e.g. {@code //Header/MessageHeader/From/PartyId}. */
    String path() {
        return path;
    }

    String attributePath(String local) {
        return path + "/@" + local;
    }

    /** The attribute's value, or null when absent. */
    String attribute(String ns, String local) {
        for (String[] a : attributes) {
            if (a[0].equals(ns) && a[1].equals(local)) {
                return a[2];
            }
        }
        return null;
    }

    List<ReadElement> children() {
        return children;
    }

    List<ReadElement> children(String ns, String local) {
        List<ReadElement> found = new ArrayList<>(2);
        for (ReadElement child : children) {
            if (child.is(ns, local)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The first child with this name, or null. */
    ReadElement child(String ns, String local) {
        for (ReadElement child : children) {
            if (child.is(ns, local)) {
                return child;
            }
        }
        return null;
    }

    /** The character content of this element and all below it, white space runs collapsed to one space. */
    String allText() {
        StringBuilder all = new StringBuilder();
        collectText(all);
        return all.toString().replaceAll("\\s+", " ").strip();
    }

    private void collectText(StringBuilder all) {
        all.append(text).append(' ');
        for (ReadElement child : children) {
            child.collectText(all);
        }
    }

    /** The element's own character content with surrounding white space removed. */
    String text() {
        return text.toString().strip();
    }
}
