package org.ebrelay.app.bank;

import java.time.Duration;
import java.util.Objects;

/**
 * Automatic resend: an outbound, reliable message matching the selectors (null: any) that has not reached COMPLETE
 * {@code after} its creation and that its node is not retrying (MANUAL, or stuck on a node that stopped reporting)
 * is resent, at most {@code maxResends} times.
 *
 * @param partner TYPE:VALUE, or a bare VALUE matching any type
 */
public record AutoResendRule(String name, String cpaId, String service, String action, String partner,
                             Duration after, int maxResends) {
    public AutoResendRule {
        Objects.requireNonNull(name, "name");
        if (after == null || after.isNegative()) {
            throw new IllegalArgumentException("auto-resend rule " + name + ": after must be given, not negative");
        }
        if (maxResends < 1) {
            throw new IllegalArgumentException("auto-resend rule " + name + ": maxResends must be at least 1");
        }
    }
}
