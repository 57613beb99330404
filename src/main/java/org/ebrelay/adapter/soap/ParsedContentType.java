package org.ebrelay.adapter.soap;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Content-Type header value taken apart: the media type (lower case) and its parameters (names compared
 * without regard to case, values as sent, quotes removed). Tolerates junk such as {@code text/html;UTF-8}.
 */
record ParsedContentType(String mediaType, Map<String, String> parameters) {
    static final String MULTIPART_RELATED = "multipart/related";

    /** The parsed value; a null or blank header gives an empty media type. */
    static ParsedContentType parse(String header) {
        Map<String, String> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (header == null || header.isBlank()) {
            return new ParsedContentType("", params);
        }
        int semicolon = header.indexOf(';');
        String type = (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        int i = semicolon < 0 ? header.length() : semicolon + 1;
        while (i < header.length()) {
            i = readParameter(header, i, params);
        }
        return new ParsedContentType(type, params);
    }

    /** The parameter's value, or null. */
    String parameter(String name) {
        return parameters.get(name);
    }

    boolean isMultipart() {
        return mediaType.startsWith("multipart/");
    }

    /** Reads {@code name=value} or {@code name="quoted \" value"} from {@code i}; returns where the next starts. */
    private static int readParameter(String header, int i, Map<String, String> params) {
        int eq = header.indexOf('=', i);
        int semicolon = header.indexOf(';', i);
        if (eq < 0 || (semicolon >= 0 && semicolon < eq)) {
            return semicolon < 0 ? header.length() : semicolon + 1;
        }
        String name = header.substring(i, eq).strip();
        int v = eq + 1;
        while (v < header.length() && Character.isWhitespace(header.charAt(v))) {
            v++;
        }
        StringBuilder value = new StringBuilder();
        if (v < header.length() && header.charAt(v) == '"') {
            v++;
            while (v < header.length() && header.charAt(v) != '"') {
                char c = header.charAt(v);
                if (c == '\\' && v + 1 < header.length()) {
                    c = header.charAt(++v);
                }
                value.append(c);
                v++;
            }
            int next = header.indexOf(';', v);
            v = next < 0 ? header.length() : next + 1;
        } else {
            int next = header.indexOf(';', v);
            value.append((next < 0 ? header.substring(v) : header.substring(v, next)).strip());
            v = next < 0 ? header.length() : next + 1;
        }
        if (!name.isEmpty()) {
            params.putIfAbsent(name, value.toString());
        }
        return v;
    }
}
