package org.ebrelay.adapter.soap;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an xsd:dateTime as ebMS 2.0 uses it (HDR-5): any offset is converted to UTC, and a value without a
 * zone is taken as UTC (sample 05). Fractions of any length are accepted (nanosecond precision is kept).
 */
final class XsdDateTimeParser {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d+))?(Z|[+-]\\d{2}:\\d{2})?");

    private XsdDateTimeParser() {
    }

    /** The instant, or null when {@code text} is not an xsd:dateTime. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DATE_TIME.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime local = localDateTime(m.group(1));
            String zone = m.group(3);
            ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone);
            return local.toInstant(offset).plusNanos(nanos(m.group(2)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The digits of {@code yyyy-MM-ddTHH:mm:ss}, already matched by the pattern, read by position: a tenth of
     * what DateTimeFormatter costs, and every message carries at least one Timestamp. Out-of-range fields (month
     * 13, hour 24) throw DateTimeException as the formatter would.
     */
    private static LocalDateTime localDateTime(String t) {
        return LocalDateTime.of(number(t, 0, 4), number(t, 5, 2), number(t, 8, 2),
                number(t, 11, 2), number(t, 14, 2), number(t, 17, 2));
    }

    private static int number(String text, int start, int digits) {
        int value = 0;
        for (int i = start; i < start + digits; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static long nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = fraction.length() >= 9 ? fraction.substring(0, 9) : (fraction + "000000000").substring(0, 9);
        return Long.parseLong(nine);
    }
}
