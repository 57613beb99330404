package org.ebrelay.domain.retry;

import java.time.Duration;

/**
 * Slow-retry settings for some routes: those whose CPA, service, action and partner match every selector given
 * (a null selector matches anything). Only the settings given (non-null) override; the rest are inherited.
 *
 * @param party the partner (the To party) as {@code TYPE:VALUE}, or only its value
 */
public record SlowRetryOverride(String cpaId, String service, String action, String party, Boolean enabled,
                                Duration firstInterval, Double multiplier, Duration maxInterval, Integer maxAttempts,
                                Duration maxAge) {

    boolean matches(RouteKey route) {
        return (cpaId == null || cpaId.equals(route.cpaId()))
                && (service == null || service.equals(route.service()))
                && (action == null || action.equals(route.action()))
                && (party == null || route.isParty(party));
    }

    /** Partner beats action beats service beats CPA; a combination beats each of its parts. */
    int specificity() {
        return (cpaId == null ? 0 : 1) + (service == null ? 0 : 2) + (action == null ? 0 : 4) + (party == null ? 0 : 8);
    }

    SlowRetrySettings applyTo(SlowRetrySettings base) {
        return new SlowRetrySettings(enabled != null ? enabled : base.enabled(),
                firstInterval != null ? firstInterval : base.firstInterval(),
                multiplier != null ? multiplier : base.multiplier(),
                maxInterval != null ? maxInterval : base.maxInterval(),
                maxAttempts != null ? maxAttempts : base.maxAttempts(),
                maxAge != null ? maxAge : base.maxAge());
    }
}
