package org.ebrelay.boot;

import org.ebrelay.app.outbound.pacing.BreakerSettings;
import org.ebrelay.app.outbound.pacing.PacingPolicy;
import org.ebrelay.app.outbound.pacing.PacingSettings;
import org.ebrelay.boot.config.GatewayConfig;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code pacing:} configuration as the dispatcher's {@link PacingPolicy}, each problem named by its key. */
final class PacingSetup {
    private PacingSetup() {
    }

    /** The policy, or null after adding what is wrong to {@code problems}. */
    static PacingPolicy policy(GatewayConfig.Pacing pacing, List<String> problems) {
        PacingSettings general;
        try {
            general = new PacingSettings(pacing.maxConcurrentPerPartner(), pacing.ratePerSecond(), pacing.burst(),
                    breaker(pacing.breaker()));
        } catch (RuntimeException e) {
            problems.add("pacing: " + e.getMessage());
            return null;
        }
        Map<String, PacingSettings> byEndpoint = new HashMap<>();
        for (GatewayConfig.PartnerPacing partner : pacing.partners() == null ? List.<GatewayConfig.PartnerPacing>of()
                : pacing.partners()) {
            try {
                byEndpoint.put(endpoint(partner.endpoint()), override(general, partner));
            } catch (RuntimeException e) {
                problems.add("pacing.partners '" + partner.endpoint() + "': " + e.getMessage());
            }
        }
        return new PacingPolicy(general, byEndpoint);
    }

    private static BreakerSettings breaker(GatewayConfig.Breaker b) {
        if (b == null) {
            return BreakerSettings.defaults();
        }
        return new BreakerSettings(b.failureThreshold(), b.openFor(), b.maxOpenFor());
    }

    private static PacingSettings override(PacingSettings general, GatewayConfig.PartnerPacing p) {
        BreakerSettings b = general.breaker();
        GatewayConfig.BreakerOverride o = p.breaker();
        BreakerSettings breaker = o == null ? b : new BreakerSettings(
                or(o.failureThreshold(), b.failureThreshold()), or(o.openFor(), b.openFor()),
                or(o.maxOpenFor(), b.maxOpenFor()));
        return new PacingSettings(or(p.maxConcurrentPerPartner(), general.maxConcurrent()),
                or(p.ratePerSecond(), general.ratePerSecond()), or(p.burst(), general.burst()), breaker);
    }

    private static String endpoint(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("needs 'endpoint': the partner's URL as written in the CPA");
        }
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        return url;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
