package org.ebrelay.app.bank;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Holes in a node's event sequence: when each was first seen, and whether it has waited long enough to skip. */
final class GapWatch {
    private final Clock clock;
    private final Duration wait;
    private final Map<Long, Instant> firstSeen = new HashMap<>();

    GapWatch(Clock clock, Duration wait) {
        this.clock = clock;
        this.wait = wait;
    }

    /** True once the hole starting at {@code missing} has been seen for {@code wait}. */
    boolean skippable(long missing) {
        Instant now = clock.instant();
        Instant seen = firstSeen.computeIfAbsent(missing, k -> now);
        return !now.isBefore(seen.plus(wait));
    }

    void forgetUpTo(long sequence) {
        firstSeen.keySet().removeIf(s -> s <= sequence);
    }
}
