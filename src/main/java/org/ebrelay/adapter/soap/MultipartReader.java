package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a MIME multipart/related package (SOAP with Attachments, ebMS 2.0 section 2.1). Delimiter lines may
 * end in CRLF or LF (PKG-8); preamble and epilogue are ignored; the root is the part named by {@code start},
 * else the first (PKG-2). Part contents are transfer-decoded (PKG-6) and otherwise byte-exact: only the line
 * break that belongs to the next delimiter is removed, and in an LF-only package a CR before it is content.
 * Every MIME-level defect is a {@code MimeProblem}; the root is null when it cannot be found or decoded.
 */
final class MultipartReader {
    /** One body part: its Content-ID without angle brackets (or null), Content-Type and decoded content. */
    record Part(int number, String contentId, String contentType, byte[] content, boolean decoded) {
        String location() {
            return contentId == null ? "part " + number : "cid:" + contentId;
        }
    }

    /** The parts, the root part (null when it cannot be found) and every MIME problem met. */
    record Result(List<Part> parts, Part root, List<EbmsError> problems) {
    }

    private record Delimiter(int lineStart, int contentStart, boolean close, boolean crlf) {
    }

    private static final String BCHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";
    /** RFC 2046 allows 70; longer boundaries seen in the wild are tolerated up to this. */
    private static final int MAX_BOUNDARY = 200;

    private MultipartReader() {
    }

    static Result read(ParsedContentType type, byte[] body) {
        List<EbmsError> problems = new ArrayList<>();
        String boundary = type.parameter("boundary");
        String boundaryProblem = boundaryProblem(boundary);
        if (boundaryProblem != null) {
            problems.add(mime(null, boundaryProblem));
            return new Result(List.of(), null, problems);
        }
        checkPackageType(type, problems);
        List<Delimiter> delimiters = delimiters(body, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
        List<Part> parts = parts(body, delimiters, boundary, problems);
        checkUniqueContentIds(parts, problems);
        return new Result(parts, root(type, parts, problems), problems);
    }

    private static String boundaryProblem(String boundary) {
        if (boundary == null || boundary.isEmpty()) {
            return "the multipart Content-Type has no boundary parameter";
        }
        if (boundary.length() > MAX_BOUNDARY || boundary.endsWith(" ")) {
            return "the MIME boundary is malformed (too long or ends in a space)";
        }
        for (int i = 0; i < boundary.length(); i++) {
            if (BCHARS.indexOf(boundary.charAt(i)) < 0) {
                return "the MIME boundary contains a character RFC 2046 does not allow: '" + boundary.charAt(i) + "'";
            }
        }
        return null;
    }

    /** PKG-1: a multipart/related package whose root is text/xml. */
    private static void checkPackageType(ParsedContentType type, List<EbmsError> problems) {
        if (!ParsedContentType.MULTIPART_RELATED.equals(type.mediaType())) {
            problems.add(mime(null, "the package is " + type.mediaType() + ", not multipart/related (PKG-1)"));
        }
        String rootType = type.parameter("type");
        if (rootType == null) {
            problems.add(EbmsError.warning(ErrorCode.MIME_PROBLEM, null,
                    "the multipart/related Content-Type has no type parameter; text/xml is expected (PKG-1)"));
        } else if (!ParsedContentType.parse(rootType).mediaType().equals("text/xml")) {
            problems.add(mime(null, "the multipart/related type parameter is '" + rootType
                    + "', not text/xml (PKG-1)"));
        }
    }

    /** Every delimiter line in {@code body}: at a line start, then optional "--", blanks and a line end. */
    private static List<Delimiter> delimiters(byte[] body, byte[] dash) {
        List<Delimiter> found = new ArrayList<>();
        int[] skip = skipTable(dash);
        int from = 0;
        while (true) {
            int at = indexOf(body, dash, skip, from);
            if (at < 0) {
                return found;
            }
            from = at + 1;
            if (at > 0 && body[at - 1] != '\n') {
                continue;
            }
            int i = at + dash.length;
            boolean close = i + 1 < body.length && body[i] == '-' && body[i + 1] == '-';
            i = close ? i + 2 : i;
            while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
                i++;
            }
            boolean crlf = i + 1 < body.length && body[i] == '\r' && body[i + 1] == '\n';
            if (i == body.length || body[i] == '\n' || crlf) {
                int contentStart = i == body.length ? i : crlf ? i + 2 : i + 1;
                found.add(new Delimiter(at, contentStart, close, crlf));
                if (close) {
                    return found;
                }
            }
        }
    }

    private static List<Part> parts(byte[] body, List<Delimiter> delimiters, String boundary, List<EbmsError> problems) {
        List<Part> parts = new ArrayList<>();
        if (delimiters.isEmpty()) {
            problems.add(mime(null, "no delimiter line for boundary '" + boundary + "' was found: the package has no parts"));
            return parts;
        }
        boolean crlf = delimiters.get(0).crlf();
        for (int d = 0; d < delimiters.size() && !delimiters.get(d).close(); d++) {
            Delimiter open = delimiters.get(d);
            int end = body.length;
            if (d + 1 < delimiters.size()) {
                end = contentEnd(body, delimiters.get(d + 1).lineStart(), crlf, open.contentStart());
            } else {
                problems.add(mime(null, "the package has no closing delimiter '--" + boundary
                        + "--': it is truncated or malformed"));
            }
            parts.add(part(body, open.contentStart(), end, parts.size() + 1, problems));
        }
        if (parts.isEmpty()) {
            problems.add(mime(null, "the package has no parts"));
        }
        return parts;
    }

    /** The end of a part's content: before the line break that belongs to the next delimiter. */
    private static int contentEnd(byte[] body, int nextDelimiter, boolean crlf, int contentStart) {
        int end = nextDelimiter;
        if (end > contentStart && body[end - 1] == '\n') {
            end--;
            if (crlf && end > contentStart && body[end - 1] == '\r') {
                end--;
            }
        }
        return end;
    }

    private static Part part(byte[] body, int start, int end, int number, List<EbmsError> problems) {
        MimeFields headers = MimeFields.read(body, start, end);
        int contentStart = headers.bodyStart();
        if (!headers.terminated() || !headers.wellFormed()) {
            problems.add(mime(null, "part " + number + " has malformed MIME headers"));
            if (!headers.wellFormed()) {
                contentStart = start;
            }
        }
        String contentId = stripAngles(headers.get("Content-ID"));
        String contentType = headers.get("Content-Type");
        byte[] raw = Arrays.copyOfRange(body, contentStart, end);
        try {
            byte[] content = TransferDecoding.decode(headers.get("Content-Transfer-Encoding"), raw);
            return new Part(number, contentId, contentType, content, true);
        } catch (IllegalArgumentException e) {
            Part broken = new Part(number, contentId, contentType, raw, false);
            problems.add(mime(broken.location(), e.getMessage()));
            return broken;
        }
    }

    private static void checkUniqueContentIds(List<Part> parts, List<EbmsError> problems) {
        Set<String> seen = new HashSet<>();
        for (Part part : parts) {
            if (part.contentId() != null && !seen.add(part.contentId())) {
                problems.add(mime(part.location(), "two MIME parts have the Content-ID <" + part.contentId() + ">"));
            }
        }
    }

    private static Part root(ParsedContentType type, List<Part> parts, List<EbmsError> problems) {
        String start = stripAngles(type.parameter("start"));
        Part root = null;
        if (start == null) {
            root = parts.isEmpty() ? null : parts.get(0);
        } else {
            root = parts.stream().filter(p -> start.equals(p.contentId())).findFirst().orElse(null);
            if (root == null && !parts.isEmpty()) {
                problems.add(mime("cid:" + start, "the start parameter names <" + start
                        + ">, but no MIME part has that Content-ID"));
            }
        }
        return root != null && root.decoded() ? root : null;
    }

    /** A Content-ID or start value without white space and one pair of angle brackets. */
    static String stripAngles(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() >= 2 && v.charAt(0) == '<' && v.charAt(v.length() - 1) == '>') {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v.isEmpty() ? null : v;
    }

    /**
     * Boyer-Moore-Horspool: how far the search may move on when the byte under the pattern's last position is
     * {@code b}. The delimiter is long and payloads (UUIDs, dates, XML) are full of its first byte, '-', so a
     * byte-by-byte scan for it costs many times more than skipping by up to the delimiter's length.
     */
    private static int[] skipTable(byte[] pattern) {
        int[] skip = new int[256];
        Arrays.fill(skip, pattern.length);
        for (int k = 0; k < pattern.length - 1; k++) {
            skip[pattern[k] & 0xFF] = pattern.length - 1 - k;
        }
        return skip;
    }

    /** The first index at or after {@code from} where {@code pattern} occurs in {@code data}, or -1. */
    private static int indexOf(byte[] data, byte[] pattern, int[] skip, int from) {
        int end = pattern.length - 1;
        for (int i = from; i <= data.length - pattern.length; i += skip[data[i + end] & 0xFF]) {
            int j = end;
            while (data[i + j] == pattern[j]) {
                if (j == 0) {
                    return i;
                }
                j--;
            }
        }
        return -1;
    }

    private static EbmsError mime(String location, String description) {
        return EbmsError.error(ErrorCode.MIME_PROBLEM, location, description);
    }
}
