package org.ebrelay.adapter.cpa;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Durations the way an administrator reads them: "30 s", "5 min", "1 day", "1 h 30 min". */
final class HumanDuration {
    private HumanDuration() {
    }

    static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        if (duration.isZero()) {
            return "0 s";
        }
        List<String> parts = new ArrayList<>();
        long days = duration.toDays();
        if (days > 0) {
            parts.add(days + (days == 1 ? " day" : " days"));
        }
        add(parts, duration.toHoursPart(), "h");
        add(parts, duration.toMinutesPart(), "min");
        add(parts, duration.toSecondsPart(), "s");
        add(parts, duration.toMillisPart(), "ms");
        return parts.isEmpty() ? duration.toNanos() + " ns" : String.join(" ", parts);
    }

    private static void add(List<String> parts, long value, String unit) {
        if (value > 0) {
            parts.add(value + " " + unit);
        }
    }
}
