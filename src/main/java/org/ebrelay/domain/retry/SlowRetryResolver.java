package org.ebrelay.domain.retry;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Chooses the {@link RetryRules} of a route: the default slow-retry settings, overridden key by key by every
 * matching {@link SlowRetryOverride} from the least to the most specific (so the most specific wins; among equally
 * specific ones, the later in the list), and multi-hop when the CPA says so or a configured {@link MultiHopRoute}
 * matches.
 */
public final class SlowRetryResolver {
    private final SlowRetrySettings defaults;
    private final List<SlowRetryOverride> overrides;
    private final List<MultiHopRoute> multiHop;

    public SlowRetryResolver(SlowRetrySettings defaults, List<SlowRetryOverride> overrides,
                             List<MultiHopRoute> multiHop) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.overrides = overrides.stream().sorted(Comparator.comparingInt(SlowRetryOverride::specificity)).toList();
        this.multiHop = List.copyOf(multiHop);
        this.overrides.forEach(o -> o.applyTo(defaults)); // an override that makes invalid settings fails at start
    }

    /** The defaults alone, no multi-hop routes configured. */
    public static SlowRetryResolver of(SlowRetrySettings defaults) {
        return new SlowRetryResolver(defaults, List.of(), List.of());
    }

    /** @param multiHopInCpa the route's CPA shows an intermediary (hop-by-hop acknowledgment, actor nextMSH) */
    public RetryRules rulesFor(RouteKey route, boolean multiHopInCpa) {
        SlowRetrySettings settings = defaults;
        for (SlowRetryOverride override : overrides) {
            if (override.matches(route)) {
                settings = override.applyTo(settings);
            }
        }
        boolean hops = multiHopInCpa || multiHop.stream().anyMatch(m -> m.matches(route));
        return new RetryRules(settings, hops);
    }
}
