package org.ebrelay.app.outbound.pacing;

import java.util.Map;
import java.util.Objects;

/** The pacing of every partner: the defaults, and overrides by endpoint URL (as written in the CPA). */
public record PacingPolicy(PacingSettings defaults, Map<String, PacingSettings> byEndpoint) {
    public PacingPolicy {
        Objects.requireNonNull(defaults, "defaults");
        byEndpoint = Map.copyOf(byEndpoint);
    }

    public static PacingPolicy of(PacingSettings settings) {
        return new PacingPolicy(settings, Map.of());
    }

    public PacingSettings forEndpoint(String endpointUrl) {
        return byEndpoint.getOrDefault(endpointUrl, defaults);
    }
}
