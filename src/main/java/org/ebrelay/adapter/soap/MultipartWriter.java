package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.WireMessage;

import org.ebrelay.domain.message.Payload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Assembles an ebXML Message Package (multipart/related, SOAP with Attachments): the SOAP part first,
 * named by {@code start} (PKG-1, PKG-2, PKG-3), then one part per payload with its Content-ID and
 * Content-Type (PKG-4). CRLF line endings; payload octets are copied unchanged (binary transfer encoding).
 */
final class MultipartWriter {
    private static final int MAX_BOUNDARY_ATTEMPTS = 16;

    private MultipartWriter() {
    }

    /** @param tokens random, unique strings of boundary characters (letters, digits) */
    static WireMessage write(byte[] soapPart, List<Payload> payloads, Supplier<String> tokens) {
        byte[][] contents = new byte[payloads.size()][];
        Set<String> contentIds = new HashSet<>();
        for (int i = 0; i < contents.length; i++) {
            Payload p = payloads.get(i);
            if (!contentIds.add(WireText.requireContentId(p.contentId()))) {
                throw new IllegalArgumentException("two payloads share the Content-ID " + p.contentId());
            }
            WireText.requireHeaderValue(p.contentType(), "Content-Type");
            contents[i] = p.content();
        }
        String boundary = boundaryAbsentFrom(soapPart, contents, tokens);
        String soapId = soapContentId(contentIds, tokens);

        byte[][] heads = new byte[contents.length + 1][];
        heads[0] = ascii("--" + boundary + "\r\nContent-ID: <" + soapId + ">\r\n"
                + "Content-Type: text/xml; charset=UTF-8\r\n\r\n");
        for (int i = 0; i < contents.length; i++) {
            Payload p = payloads.get(i);
            heads[i + 1] = ascii("\r\n--" + boundary + "\r\nContent-ID: <" + p.contentId() + ">\r\n"
                    + "Content-Type: " + p.contentType() + "\r\nContent-Transfer-Encoding: binary\r\n\r\n");
        }
        byte[] tail = ascii("\r\n--" + boundary + "--\r\n");

        byte[] body = concatenate(heads, soapPart, contents, tail);
        String contentType = "multipart/related; type=\"text/xml\"; boundary=\"" + boundary + "\"; start=\"<"
                + soapId + ">\"";
        return new WireMessage(contentType, WireMessage.EBXML_SOAP_ACTION, body);
    }

    private static String boundaryAbsentFrom(byte[] soapPart, byte[][] contents, Supplier<String> tokens) {
        for (int attempt = 0; attempt < MAX_BOUNDARY_ATTEMPTS; attempt++) {
            String boundary = "MIMEBoundary_" + tokens.get();
            byte[] needle = ascii(boundary);
            boolean clash = indexOf(soapPart, needle) >= 0;
            for (int i = 0; !clash && i < contents.length; i++) {
                clash = indexOf(contents[i], needle) >= 0;
            }
            if (!clash) {
                return boundary;
            }
        }
        throw new IllegalStateException("no MIME boundary absent from the content after "
                + MAX_BOUNDARY_ATTEMPTS + " attempts");
    }

    private static String soapContentId(Set<String> payloadIds, Supplier<String> tokens) {
        for (int attempt = 0; attempt < MAX_BOUNDARY_ATTEMPTS; attempt++) {
            String id = "ebxml-envelope-" + tokens.get() + "@ebrelay";
            if (!payloadIds.contains(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no SOAP part Content-ID distinct from the payloads'");
    }

    private static byte[] concatenate(byte[][] heads, byte[] soapPart, byte[][] contents, byte[] tail) {
        long size = (long) soapPart.length + tail.length;
        for (int i = 0; i < heads.length; i++) {
            size += heads[i].length + (i > 0 ? contents[i - 1].length : 0);
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("message package too large: " + size + " bytes");
        }
        byte[] body = new byte[(int) size];
        int at = put(body, 0, heads[0]);
        at = put(body, at, soapPart);
        for (int i = 0; i < contents.length; i++) {
            at = put(body, at, heads[i + 1]);
            at = put(body, at, contents[i]);
        }
        put(body, at, tail);
        return body;
    }

    private static int put(byte[] target, int at, byte[] source) {
        System.arraycopy(source, 0, target, at, source.length);
        return at + source.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Where {@code needle} first occurs in {@code haystack}, or -1. Boyer-Moore-Horspool: a boundary is some
     * 45 bytes long, so most steps skip that far, which matters for payloads of megabytes.
     */
    static int indexOf(byte[] haystack, byte[] needle) {
        int m = needle.length;
        if (m == 0 || m > haystack.length) {
            return m == 0 ? 0 : -1;
        }
        int[] skip = new int[256];
        Arrays.fill(skip, m);
        for (int i = 0; i < m - 1; i++) {
            skip[needle[i] & 0xFF] = m - 1 - i;
        }
        byte lastByte = needle[m - 1];
        for (int at = 0; at <= haystack.length - m; at += skip[haystack[at + m - 1] & 0xFF]) {
            if (haystack[at + m - 1] == lastByte && matchesAt(haystack, at, needle)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean matchesAt(byte[] haystack, int at, byte[] needle) {
        for (int k = 0; k < needle.length - 1; k++) {
            if (haystack[at + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }
}
