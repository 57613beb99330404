package org.ebrelay.domain.reliability;

import static org.ebrelay.domain.reliability.OutboundState.ABANDONED;
import static org.ebrelay.domain.reliability.OutboundState.AWAITING_ACK;
import static org.ebrelay.domain.reliability.OutboundState.COMPLETE;
import static org.ebrelay.domain.reliability.OutboundState.EXPIRED;
import static org.ebrelay.domain.reliability.OutboundState.FAILED;
import static org.ebrelay.domain.reliability.OutboundState.MANUAL;
import static org.ebrelay.domain.reliability.OutboundState.QUEUED;
import static org.ebrelay.domain.reliability.OutboundState.RETRYING;
import static org.ebrelay.domain.reliability.OutboundState.SENDING;
import static org.ebrelay.domain.reliability.OutboundState.SLOW_RETRY;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which outbound state changes are allowed. The store refuses any other (a programming error, not a lost race).
 *
 * <pre>
 * from          to
 * QUEUED        SENDING (claimed), MANUAL (its CPA or action was withdrawn), COMPLETE, FAILED, EXPIRED,
 *               ABANDONED (operator)
 * SENDING       SENDING (a claim whose lease ran out is taken over), QUEUED (claim handed back before a first
 *               attempt), AWAITING_ACK, RETRYING, SLOW_RETRY, MANUAL, COMPLETE, FAILED, EXPIRED
 * AWAITING_ACK  SENDING, SLOW_RETRY, MANUAL, COMPLETE, FAILED, EXPIRED, ABANDONED (operator)
 * RETRYING      SENDING, SLOW_RETRY, MANUAL, COMPLETE, FAILED, EXPIRED, QUEUED and ABANDONED (operator)
 * SLOW_RETRY    SENDING, MANUAL, COMPLETE, FAILED, EXPIRED, QUEUED and ABANDONED (operator)
 * MANUAL        QUEUED (operator resend), ABANDONED, COMPLETE, FAILED
 * COMPLETE, FAILED, EXPIRED, ABANDONED: none (final)
 * </pre>
 *
 * Why: an Acknowledgment or a partner's MessageError may arrive for an earlier attempt (or an earlier MessageId)
 * at any time, so COMPLETE and FAILED are reachable from every non-final state. Sends start only by a claim
 * (to SENDING) from a state that has a due time; the node that made the attempt records where it goes next.
 * A message waiting for an operator does not expire by itself: the operator resends or abandons it. Which states
 * an operator may resend from or abandon is {@link ManualHandling}'s business; the changes it makes are listed here.
 */
public final class OutboundTransitions {
    private static final Map<OutboundState, Set<OutboundState>> ALLOWED = new EnumMap<>(OutboundState.class);

    static {
        allow(QUEUED, SENDING, MANUAL, COMPLETE, FAILED, EXPIRED);
        allow(SENDING, SENDING, QUEUED, AWAITING_ACK, RETRYING, SLOW_RETRY, MANUAL, COMPLETE, FAILED, EXPIRED);
        allow(AWAITING_ACK, SENDING, SLOW_RETRY, MANUAL, COMPLETE, FAILED, EXPIRED);
        allow(RETRYING, SENDING, SLOW_RETRY, MANUAL, COMPLETE, FAILED, EXPIRED);
        allow(SLOW_RETRY, SENDING, MANUAL, COMPLETE, FAILED, EXPIRED);
        allow(MANUAL, QUEUED, ABANDONED, COMPLETE, FAILED);
        // an operator's resend (to QUEUED) and abandon (to ABANDONED): see ManualHandling
        for (OutboundState from : ManualHandling.resendableFrom()) {
            allowAlso(from, QUEUED);
        }
        for (OutboundState from : ManualHandling.abandonableFrom()) {
            allowAlso(from, ABANDONED);
        }
        for (OutboundState state : OutboundState.values()) {
            ALLOWED.putIfAbsent(state, EnumSet.noneOf(OutboundState.class));
        }
    }

    private OutboundTransitions() {
    }

    private static void allow(OutboundState from, OutboundState... to) {
        ALLOWED.put(from, Collections.unmodifiableSet(EnumSet.of(to[0], to)));
    }

    private static void allowAlso(OutboundState from, OutboundState to) {
        Set<OutboundState> more = EnumSet.copyOf(ALLOWED.get(from));
        more.add(to);
        ALLOWED.put(from, Collections.unmodifiableSet(more));
    }

    public static boolean isAllowed(OutboundState from, OutboundState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The states {@code from} may change to (empty for a final state). */
    public static Set<OutboundState> allowedFrom(OutboundState from) {
        return ALLOWED.get(from);
    }

    /** States a claim may take a due message from (the scheduled states, SENDING only once its lease ran out). */
    public static Set<OutboundState> claimable() {
        return Collections.unmodifiableSet(EnumSet.of(QUEUED, SENDING, AWAITING_ACK, RETRYING, SLOW_RETRY));
    }

    /** @throws IllegalArgumentException when the change is not in the table */
    public static void requireAllowed(OutboundState from, OutboundState to) {
        if (!isAllowed(from, to)) {
            throw new IllegalArgumentException("outbound transition not allowed: " + from + " -> " + to);
        }
    }
}
