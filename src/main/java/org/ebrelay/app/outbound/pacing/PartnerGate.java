package org.ebrelay.app.outbound.pacing;

import org.ebrelay.app.port.out.ClaimLimits;
import org.ebrelay.app.port.out.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Paces sends per partner, the partner being the endpoint URL messages are posted to (what goes down and comes back
 * is an MSH at an address, whatever CPA or party the message is for): at most so many sends at once, a send rate,
 * and a circuit breaker. The dispatcher asks it what a claim may take ({@link #claimLimits}), whether a claimed
 * message may go ({@link #admit}), and tells it how each send ended ({@link #finished}). Thread-safe.
 */
public final class PartnerGate {
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.pacing");

    /** Told when a partner's breaker opens or closes (for notices and metrics). */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void breakerOpened(String endpointUrl, Instant at, Instant probeAt, int consecutiveFailures) {
        }

        default void breakerClosed(String endpointUrl, Instant at) {
        }
    }

    /** Whether a claimed message may be sent now; if not, when to try it again and why. */
    public record Admission(boolean admitted, Instant retryAt, String reason) {
        static final Admission YES = new Admission(true, null, null);
    }

    /** One partner as the gate sees it. */
    public record PartnerStatus(String endpointUrl, String breaker, int inFlight, int consecutiveFailures,
                                Instant probeAt) {
    }

    private final Clock clock;
    private final PacingPolicy policy;
    private final Listener listener;
    private final Map<String, Partner> partners = new HashMap<>();
    private long throttled;

    public PartnerGate(Clock clock, PacingPolicy policy, Listener listener) {
        this.clock = clock;
        this.policy = policy;
        this.listener = listener;
    }

    /** A gate that never holds anything back: no limit, no breaker. */
    public static PartnerGate unlimited(Clock clock) {
        return new PartnerGate(clock, PacingPolicy.of(PacingSettings.unlimited()), Listener.NONE);
    }

    /** What a claim made now may take: nothing for a partner that is held, at most its room for the others. */
    public synchronized ClaimLimits claimLimits() {
        Instant now = clock.instant();
        Map<String, Integer> allowances = new HashMap<>();
        Set<String> excluded = new HashSet<>();
        partners.forEach((url, partner) -> {
            int room = partner.room(now);
            allowances.put(url, room);
            if (room < 1) {
                excluded.add(url);
            }
        });
        throttled += excluded.size();
        return new Snapshot(Set.copyOf(excluded), Map.copyOf(allowances), policy);
    }

    /** How many sends {@code endpointUrl} could start now (0: held back). */
    public synchronized int room(String endpointUrl) {
        Instant now = clock.instant();
        return partner(endpointUrl, now).room(now);
    }

    /** Takes a send slot (and a token) for a claimed message, or says when the partner may take it. */
    public synchronized Admission admit(String endpointUrl) {
        Instant now = clock.instant();
        Partner partner = partner(endpointUrl, now);
        Admission refusal = partner.refusal(now);
        if (refusal != null) {
            throttled++;
            return refusal;
        }
        partner.start(now);
        return Admission.YES;
    }

    /** A send admitted by {@link #admit} ended: frees its slot and feeds the breaker. */
    public void finished(String endpointUrl, SendOutcome outcome) {
        Instant now = clock.instant();
        CircuitBreaker.Change change;
        int failures;
        synchronized (this) {
            Partner partner = partner(endpointUrl, now);
            partner.inFlight = Math.max(0, partner.inFlight - 1);
            change = outcome instanceof SendOutcome.RetryableFailure ? partner.breaker.failed(now)
                    : partner.breaker.succeeded(now);
            failures = partner.breaker.consecutiveFailures();
        }
        if (change == CircuitBreaker.Change.OPENED) {
            Instant probeAt = probeAt(endpointUrl);
            log.warn("circuit to {} opened after {} failure(s) in a row: its messages wait, a probe goes at {}",
                    endpointUrl, failures, probeAt);
            listener.breakerOpened(endpointUrl, now, probeAt, failures);
        } else if (change == CircuitBreaker.Change.CLOSED) {
            log.info("circuit to {} closed: the partner answered, its waiting messages go out again", endpointUrl);
            listener.breakerClosed(endpointUrl, now);
        }
    }

    private synchronized Instant probeAt(String endpointUrl) {
        return partners.get(endpointUrl).breaker.openUntil(clock.instant());
    }

    /** The earliest time a partner held now could take a message again (a token, or a probe), if any is held. */
    public synchronized Optional<Instant> nextOpening() {
        Instant now = clock.instant();
        Instant earliest = null;
        for (Partner partner : partners.values()) {
            Instant opening = partner.opening(now);
            if (opening != null && (earliest == null || opening.isBefore(earliest))) {
                earliest = opening;
            }
        }
        return Optional.ofNullable(earliest);
    }

    public synchronized List<PartnerStatus> partners() {
        Instant now = clock.instant();
        List<PartnerStatus> all = new ArrayList<>();
        partners.forEach((url, p) -> all.add(new PartnerStatus(url, p.breaker.state(now).name(), p.inFlight,
                p.breaker.consecutiveFailures(), p.breaker.openUntil(now))));
        return all;
    }

    /** Partners whose breaker is open or half-open. */
    public synchronized int openBreakers() {
        Instant now = clock.instant();
        return (int) partners.values().stream()
                .filter(p -> p.breaker.state(now) != CircuitBreaker.State.CLOSED).count();
    }

    /** How often the gate held a partner back: claim rounds that left it out, and claimed messages refused. */
    public synchronized long throttled() {
        return throttled;
    }

    private Partner partner(String endpointUrl, Instant now) {
        return partners.computeIfAbsent(endpointUrl, url -> new Partner(policy.forEndpoint(url), now));
    }

    private static final class Partner {
        private final PacingSettings settings;
        private final TokenBucket bucket;
        private final CircuitBreaker breaker;
        private int inFlight;

        Partner(PacingSettings settings, Instant now) {
            this.settings = settings;
            this.bucket = new TokenBucket(settings.ratePerSecond(), settings.burst(), now);
            this.breaker = new CircuitBreaker(settings.breaker());
        }

        int room(Instant now) {
            return Math.min(Math.min(settings.maxConcurrent() - inFlight, bucket.available(now)), breaker.room(now));
        }

        Admission refusal(Instant now) {
            if (breaker.room(now) < 1) {
                Instant probeAt = breaker.openUntil(now);
                return new Admission(false, probeAt != null ? probeAt : now.plusSeconds(1),
                        probeAt != null ? "circuit open until " + probeAt : "a probe is under way");
            }
            if (inFlight >= settings.maxConcurrent()) {
                return new Admission(false, now.plusMillis(100),
                        settings.maxConcurrent() + " sends already under way");
            }
            if (bucket.available(now) < 1) {
                return new Admission(false, bucket.nextTokenAt(now),
                        "rate of " + settings.ratePerSecond() + "/s reached");
            }
            return null;
        }

        void start(Instant now) {
            bucket.tryTake(now);
            breaker.started(now);
            inFlight++;
        }

        /** When a partner held now can take a message, or null if it is not held or waits for a send to end. */
        Instant opening(Instant now) {
            if (room(now) >= 1) {
                return null;
            }
            Instant probeAt = breaker.openUntil(now);
            if (probeAt != null) {
                return probeAt;
            }
            if (breaker.room(now) < 1 || inFlight >= settings.maxConcurrent()) {
                return null; // the send under way wakes the dispatcher when it ends
            }
            return bucket.nextTokenAt(now);
        }
    }

    /** An immutable view for one claim (the store may read it on its own thread). */
    private record Snapshot(Set<String> excludedEndpoints, Map<String, Integer> allowances, PacingPolicy policy)
            implements ClaimLimits {
        @Override
        public int allowance(String endpointUrl) {
            Integer known = allowances.get(endpointUrl);
            if (known != null) {
                return known;
            }
            PacingSettings fresh = policy.forEndpoint(endpointUrl);
            return fresh.ratePerSecond() > 0 ? Math.min(fresh.maxConcurrent(), fresh.burst()) : fresh.maxConcurrent();
        }
    }
}
