package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.WireMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: a strict splitter for the encoder's multipart/related output (CRLF only, no preamble), so the
 * tests check the structure independently of the decoder.
 */
final class EncodedParts {
    record Part(Map<String, String> headers, byte[] content) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private EncodedParts() {
    }

    static String parameter(String contentType, String name) {
        Matcher m = Pattern.compile(";\\s*" + name + "=\"([^\"]*)\"").matcher(contentType);
        if (!m.find()) {
            throw new AssertionError("no " + name + " parameter in " + contentType);
        }
        return m.group(1);
    }

    static List<Part> split(WireMessage wire) {
        String boundary = parameter(wire.contentType(), "boundary");
        byte[] body = wire.body();
        byte[] first = ("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        if (!Arrays.equals(body, 0, first.length, first, 0, first.length)) {
            throw new AssertionError("the body does not start with the first delimiter");
        }
        List<Part> parts = new ArrayList<>();
        int at = first.length;
        while (true) {
            int end = MultipartWriter.indexOf(Arrays.copyOfRange(body, at, body.length), delimiter);
            if (end < 0) {
                throw new AssertionError("no closing delimiter");
            }
            parts.add(part(Arrays.copyOfRange(body, at, at + end)));
            at += end + delimiter.length;
            String after = new String(body, at, Math.min(4, body.length - at), StandardCharsets.US_ASCII);
            if (after.startsWith("--\r\n")) {
                if (at + 4 != body.length) {
                    throw new AssertionError("bytes after the closing delimiter");
                }
                return parts;
            }
            if (!after.startsWith("\r\n")) {
                throw new AssertionError("a delimiter line does not end with CRLF");
            }
            at += 2;
        }
    }

    private static Part part(byte[] raw) {
        byte[] blank = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int split = MultipartWriter.indexOf(raw, blank);
        if (split < 0) {
            throw new AssertionError("a part without a blank line after its headers");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : new String(raw, 0, split, StandardCharsets.US_ASCII).split("\r\n")) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
        }
        return new Part(headers, Arrays.copyOfRange(raw, split + blank.length, raw.length));
    }
}
