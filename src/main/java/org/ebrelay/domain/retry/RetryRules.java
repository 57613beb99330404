package org.ebrelay.domain.retry;

import java.util.Objects;

/**
 * What applies to one message's route once its ebXML retry sequence is exhausted.
 *
 * @param slowRetry the slow-retry settings resolved for its CPA, service/action and partner
 * @param multiHop  the route goes through an intermediary: no slow retry, straight to manual handling
 */
public record RetryRules(SlowRetrySettings slowRetry, boolean multiHop) {
    public RetryRules {
        Objects.requireNonNull(slowRetry, "slowRetry");
    }
}
