package org.ebrelay.adapter.mllp;

import java.util.regex.Pattern;

/** Reading single segments of ER7 text by their separators, for what must work even when HAPI cannot parse. */
final class Er7Segments {
    private Er7Segments() {
    }

    /**
     * The fields of the first segment named {@code name}, indexed by field number as HL7 counts them (for MSH,
     * field 1 is the field separator itself); empty when there is no such segment.
     */
    static String[] fields(String text, String name) {
        for (String segment : text.strip().split("[\\r\\n]+")) {
            if (segment.startsWith(name) && segment.length() > name.length()) {
                return split(segment, name);
            }
        }
        return new String[0];
    }

    /** Field {@code n} (first component), or null when absent or empty. */
    static String first(String[] fields, int n, char componentSeparator) {
        if (n >= fields.length || fields[n] == null || fields[n].isEmpty()) {
            return null;
        }
        String value = fields[n];
        int cut = value.indexOf(componentSeparator);
        String first = cut >= 0 ? value.substring(0, cut) : value;
        return first.isBlank() ? null : first;
    }

    /** Component {@code c} (1-based) of field {@code n}, or null. */
    static String component(String[] fields, int n, int c, char componentSeparator) {
        if (n >= fields.length || fields[n] == null) {
            return null;
        }
        String[] parts = fields[n].split(Pattern.quote(String.valueOf(componentSeparator)), -1);
        return c <= parts.length && !parts[c - 1].isBlank() ? parts[c - 1] : null;
    }

    private static String[] split(String segment, String name) {
        String separator = segment.substring(name.length(), name.length() + 1);
        String[] parts = segment.split(Pattern.quote(separator), -1);
        boolean msh = "MSH".equals(name);
        String[] fields = new String[parts.length + (msh ? 1 : 0)];
        fields[0] = name;
        if (msh) {
            fields[1] = separator;
            System.arraycopy(parts, 1, fields, 2, parts.length - 1);
        } else {
            System.arraycopy(parts, 1, fields, 1, parts.length - 1);
        }
        return fields;
    }
}
