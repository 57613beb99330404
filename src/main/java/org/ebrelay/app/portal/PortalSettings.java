package org.ebrelay.app.portal;

import java.time.Duration;
import java.util.Objects;

/**
 * Sign-in and session rules of the portal.
 *
 * @param sessionIdleTimeout a session ends this long after its last request
 * @param sessionMaxAge      and at the latest this long after sign-in, used or not
 * @param maxFailedSignIns   wrong passwords in a row that lock an account (0: never locked)
 * @param lockout            how long a locked account refuses sign-in
 * @param minPasswordLength  shortest password accepted when one is set
 */
public record PortalSettings(Duration sessionIdleTimeout, Duration sessionMaxAge, int maxFailedSignIns,
                             Duration lockout, int minPasswordLength) {
    public PortalSettings {
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        Objects.requireNonNull(sessionMaxAge, "sessionMaxAge");
        Objects.requireNonNull(lockout, "lockout");
        if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()
                || sessionMaxAge.isNegative() || sessionMaxAge.isZero()) {
            throw new IllegalArgumentException("session timeouts must be positive");
        }
        if (maxFailedSignIns < 0 || lockout.isNegative()) {
            throw new IllegalArgumentException("maxFailedSignIns and lockout must not be negative");
        }
        if (minPasswordLength < 8) {
            throw new IllegalArgumentException("minPasswordLength must be at least 8");
        }
    }

    public static PortalSettings defaults() {
        return new PortalSettings(Duration.ofMinutes(30), Duration.ofHours(12), 5, Duration.ofMinutes(15), 10);
    }
}
