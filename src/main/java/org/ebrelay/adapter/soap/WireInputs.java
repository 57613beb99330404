package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.WireMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a stored message in any of the forms {@code inspect} accepts and turns it into a {@link WireMessage}:
 * <ul>
 *   <li>an HTTP request or response dump: start line, headers, empty line, body. A chunked body is de-chunked;
 *       Content-Length is ignored (it is often wrong after line endings were converted);</li>
 *   <li>a raw MIME entity: MIME headers then the body, or a body that starts at its first delimiter line
 *       (sample 01: the boundary is then taken from that line);</li>
 *   <li>a bare SOAP envelope (starts with {@code <} after an optional byte order mark and white space).</li>
 * </ul>
 * Line endings may be LF or CRLF. Nothing here throws for bad input: what cannot be recognised comes back
 * as a WireMessage without a Content-Type, which the decoder then reports as unreadable.
 */
public final class WireInputs {
    private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z]+ \\S+ HTTP/\\d(\\.\\d)?");
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d(\\.\\d)? \\d{3}( .*)?");

    private WireInputs() {
    }

    /** Reads {@code file} in any of the accepted forms. */
    public static WireMessage read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /**
     * An HTTP request or response dump (chunked or not), a raw MIME entity (headers then body, or a body
     * starting at its first boundary) or a bare SOAP XML envelope.
     */
    public static WireMessage read(byte[] raw) {
        if (raw == null) {
            return new WireMessage(null, null, new byte[0]);
        }
        try {
            return recognise(raw);
        } catch (RuntimeException unexpected) {
            return new WireMessage(null, null, raw);
        }
    }

    private static WireMessage recognise(byte[] raw) {
        int start = contentStart(raw);
        String firstLine = firstLine(raw, start);
        if (REQUEST_LINE.matcher(firstLine).matches() || STATUS_LINE.matcher(firstLine).matches()) {
            return httpDump(raw, start + firstLine.length());
        }
        String sniffed = sniffContentType(raw, start);
        if (sniffed != null) {
            boolean utf16 = raw.length >= 2 && (raw[0] & 0xFF) >= 0xFE && (raw[1] & 0xFF) >= 0xFE;
            byte[] body = sniffed.startsWith("text/xml") && !utf16 ? Arrays.copyOfRange(raw, start, raw.length) : raw;
            return new WireMessage(sniffed, null, body);
        }
        if (MimeFields.startsWithField(raw, start, raw.length)) {
            MimeFields headers = MimeFields.read(raw, start, raw.length);
            byte[] body = Arrays.copyOfRange(raw, headers.bodyStart(), raw.length);
            return new WireMessage(contentTypeOf(headers, body), headers.get("SOAPAction"), body);
        }
        return new WireMessage(null, null, raw);
    }

    private static WireMessage httpDump(byte[] raw, int startLineEnd) {
        int headersStart = MimeFields.indexOf(raw, (byte) '\n', startLineEnd, raw.length);
        if (headersStart < 0) {
            return new WireMessage(null, null, new byte[0]);
        }
        MimeFields headers = MimeFields.read(raw, headersStart + 1, raw.length);
        byte[] body = Arrays.copyOfRange(raw, headers.bodyStart(), raw.length);
        String transferEncoding = headers.get("Transfer-Encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = dechunk(body);
        }
        return new WireMessage(contentTypeOf(headers, body), headers.get("SOAPAction"), body);
    }

    private static String contentTypeOf(MimeFields headers, byte[] body) {
        String declared = headers.get("Content-Type");
        return declared != null ? declared : sniffContentType(body, contentStart(body));
    }

    /** text/xml for an XML document, a synthesised multipart/related for a body starting at a delimiter, else null. */
    private static String sniffContentType(byte[] data, int start) {
        if (start < data.length && data[start] == '<' || startsWithUtf16Bom(data)) {
            return "text/xml";
        }
        if (start + 2 < data.length && data[start] == '-' && data[start + 1] == '-') {
            String boundary = firstLine(data, start).substring(2).strip();
            if (!boundary.isEmpty() && boundary.indexOf('"') < 0 && boundary.indexOf('\\') < 0) {
                return "multipart/related; type=\"text/xml\"; boundary=\"" + boundary + "\"";
            }
        }
        return null;
    }

    /** Index after a UTF-8 byte order mark and leading white space. */
    private static int contentStart(byte[] data) {
        int i = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean startsWithUtf16Bom(byte[] data) {
        return data.length >= 2 && ((data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF
                || (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE);
    }

    /** The line at {@code start} without its line break (at most 1,000 bytes are looked at). */
    private static String firstLine(byte[] data, int start) {
        int limit = Math.min(data.length, start + 1000);
        int lf = MimeFields.indexOf(data, (byte) '\n', start, limit);
        int end = lf < 0 ? limit : lf;
        if (end > start && data[end - 1] == '\r') {
            end--;
        }
        return new String(data, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** Removes the chunked transfer coding; a body that is not validly chunked is returned unchanged. */
    static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int pos = 0;
        while (pos < body.length) {
            int lf = MimeFields.indexOf(body, (byte) '\n', pos, body.length);
            int size = lf < 0 ? -1 : chunkSize(new String(body, pos, lf - pos, StandardCharsets.ISO_8859_1));
            if (size < 0) {
                return body;
            }
            if (size == 0) {
                break;
            }
            int dataStart = lf + 1;
            int available = Math.min(size, body.length - dataStart);
            out.write(body, dataStart, available);
            pos = dataStart + available;
            if (pos < body.length && body[pos] == '\r') {
                pos++;
            }
            if (pos < body.length && body[pos] == '\n') {
                pos++;
            }
        }
        return out.toByteArray();
    }

    private static int chunkSize(String line) {
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        if (hex.isEmpty() || hex.length() > 7) {
            return -1;
        }
        try {
            return Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
