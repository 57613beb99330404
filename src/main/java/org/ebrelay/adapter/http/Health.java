package org.ebrelay.adapter.http;

import java.util.Map;

/**
 * What {@code /health} reports: UP answers 200, DOWN answers 503 (what load balancers expect), and the
 * details are written next to {@code status} in the JSON object.
 *
 * @param up      whether the node can do its work
 * @param details extra fields (database, scheduler...), JSON-serialisable values
 */
public record Health(boolean up, Map<String, Object> details) {
    public Health {
        details = Map.copyOf(details);
    }

    public static Health healthy() {
        return new Health(true, Map.of());
    }
}
