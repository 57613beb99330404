package org.ebrelay.adapter.soap;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
            LocalDateTime local = LocalDateTime.parse(m.group(1), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            String zone = m.group(3);
            ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone);
            return local.toInstant(offset).plusNanos(nanos(m.group(2)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static long nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = fraction.length() >= 9 ? fraction.substring(0, 9) : (fraction + "000000000").substring(0, 9);
        return Long.parseLong(nine);
    }
}
