package org.ebrelay.app.outbound;

import java.time.Duration;

/**
 * @param batchSize       how many due messages one claim takes at most
 * @param maxInFlight     how many attempts may be under way at once on this node
 * @param claimLease      how long a claim lasts before another node may take the message over
 * @param responseTimeout how long one attempt waits for the partner's HTTP response
 * @param idlePoll        how long the dispatcher sleeps when nothing is due and nobody wakes it (the Quartz sweep
 *                        and new submissions wake it sooner)
 */
public record DispatchSettings(int batchSize, int maxInFlight, Duration claimLease, Duration responseTimeout,
                               Duration idlePoll) {
    public static DispatchSettings defaults() {
        return new DispatchSettings(64, 128, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(1));
    }
}
