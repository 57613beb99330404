package org.ebrelay.adapter.soap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A lean streaming XML writer for documents whose shape we control: names are written as given (callers
 * pass well-formed qualified names and declare their prefixes), values are escaped. Characters that XML 1.0
 * cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF) are refused, never silently dropped.
 * Carriage returns, tabs and line feeds are written as character references where a parser would
 * otherwise normalise them away, so every value survives a round trip exactly.
 */
final class XmlTextWriter {
    /** ASCII characters written as they are in text and in attribute values alike. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 0x20; c < 0x7F; c++) {
            PLAIN[c] = c != '<' && c != '>' && c != '&' && c != '"';
        }
    }

    private final StringBuilder out;
    private String[] open = new String[16];
    private int depth;
    private boolean startTagPending;

    XmlTextWriter(int expectedChars) {
        out = new StringBuilder(expectedChars);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    /** Opens an element; attributes may follow until content or the end is written. */
    XmlTextWriter start(String qname) {
        closePendingStartTag();
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = qname;
        out.append('<').append(qname);
        startTagPending = true;
        return this;
    }

    /** Writes an attribute of the element just opened; a null value writes nothing. */
    XmlTextWriter attribute(String qname, String value) {
        if (!startTagPending) {
            throw new IllegalStateException("attribute " + qname + " outside a start tag");
        }
        if (value != null) {
            out.append(' ').append(qname).append("=\"");
            escape(value, true);
            out.append('"');
        }
        return this;
    }

    /** Writes escaped character content. */
    XmlTextWriter text(String value) {
        closePendingStartTag();
        escape(value, false);
        return this;
    }

    /** Closes the innermost open element (as an empty-element tag when it has no content). */
    XmlTextWriter end() {
        String qname = open[--depth];
        if (startTagPending) {
            out.append("/>");
            startTagPending = false;
        } else {
            out.append("</").append(qname).append('>');
        }
        return this;
    }

    /** An element holding only text. */
    XmlTextWriter element(String qname, String value) {
        return start(qname).text(value).end();
    }

    byte[] toUtf8() {
        if (depth != 0) {
            throw new IllegalStateException("unclosed element " + open[depth - 1]);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void closePendingStartTag() {
        if (startTagPending) {
            out.append('>');
            startTagPending = false;
        }
    }

    private void escape(String value, boolean inAttribute) {
        int length = value.length();
        int clean = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 128 && PLAIN[c]) {
                continue; // the common case: plain printable ASCII
            }
            String replacement = replacementFor(value, i, inAttribute);
            if (replacement == null) {
                if (Character.isHighSurrogate(c)) {
                    i++; // a valid pair (checked by replacementFor) is copied as it is
                }
                continue;
            }
            out.append(value, clean, i).append(replacement);
            clean = i + 1;
        }
        out.append(value, clean, length);
    }

    /** The escape for the character at {@code i}, or null when it is written as it is. */
    private static String replacementFor(String value, int i, boolean inAttribute) {
        char c = value.charAt(i);
        switch (c) {
            case '<': return "&lt;";
            case '>': return "&gt;";
            case '&': return "&amp;";
            case '"': return inAttribute ? "&quot;" : null;
            case '\r': return "&#13;";
            case '\n': return inAttribute ? "&#10;" : null;
            case '\t': return inAttribute ? "&#9;" : null;
            default: break;
        }
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            throw illegal(c, i);
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                return null;
            }
            throw illegal(c, i);
        }
        if (Character.isLowSurrogate(c)) {
            throw illegal(c, i);
        }
        return null;
    }

    private static IllegalArgumentException illegal(char c, int index) {
        return new IllegalArgumentException(String.format(
                "character U+%04X at index %d cannot be written in XML 1.0", (int) c, index));
    }
}
