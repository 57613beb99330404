package org.ebrelay.domain.reliability;

import static org.ebrelay.domain.reliability.OutboundState.AWAITING_ACK;
import static org.ebrelay.domain.reliability.OutboundState.MANUAL;
import static org.ebrelay.domain.reliability.OutboundState.QUEUED;
import static org.ebrelay.domain.reliability.OutboundState.RETRYING;
import static org.ebrelay.domain.reliability.OutboundState.SLOW_RETRY;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an operator may do with a message we send, by its state.
 *
 * <ul>
 * <li><b>Resend</b> (to QUEUED, due now, a fresh ebXML retry sequence) from MANUAL, and from RETRYING and SLOW_RETRY
 * to try now instead of waiting for the next attempt. Not from QUEUED, SENDING or AWAITING_ACK: it is on its way or
 * at the partner already. Not from a final state: COMPLETE is delivered; FAILED was refused by the partner and EXPIRED
 * carries a TimeToLive that has passed, so sending the same package again would meet the same answer (the
 * application submits the content anew instead); ABANDONED was an operator's decision.
 * <li><b>Abandon</b> (to ABANDONED, final) from every non-final state except SENDING: an attempt is in flight, and
 * its outcome is recorded first (try again a moment later).
 * </ul>
 */
public final class ManualHandling {
    private static final Set<OutboundState> RESENDABLE = Collections.unmodifiableSet(
            EnumSet.of(MANUAL, RETRYING, SLOW_RETRY));
    private static final Set<OutboundState> ABANDONABLE = Collections.unmodifiableSet(
            EnumSet.of(QUEUED, AWAITING_ACK, RETRYING, SLOW_RETRY, MANUAL));

    private ManualHandling() {
    }

    /** The states an operator may resend a message from. */
    public static Set<OutboundState> resendableFrom() {
        return RESENDABLE;
    }

    /** The states an operator may abandon a message in. */
    public static Set<OutboundState> abandonableFrom() {
        return ABANDONABLE;
    }
}
