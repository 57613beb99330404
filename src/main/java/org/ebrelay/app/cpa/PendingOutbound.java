package org.ebrelay.app.cpa;

import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outbound messages not finished yet (QUEUED, SENDING, AWAITING_ACK, RETRYING, SLOW_RETRY, MANUAL), as far as a
 * change of their CPA concerns them.
 */
public interface PendingOutbound {
    /** The distinct routes of the CPA's pending messages. */
    List<Route> routes(CpaId cpaId);

    /**
     * Gives the route's pending messages new terms for their next attempts: Retries (only for messages that asked
     * for an acknowledgment), RetryInterval, PersistDuration (for a MessageId issued from now on) and the endpoint.
     *
     * @return how many messages changed
     */
    int applyTerms(CpaId cpaId, Route route, Terms terms);

    /**
     * Moves the pending messages of a CPA (of one route, or all when {@code route} is null) to manual handling with
     * the reason; those in MANUAL stay and those in SENDING are counted, not moved (their attempt ends first).
     */
    Withdrawn withdraw(CpaId cpaId, Route route, String reason, Instant at);

    /** CPAs with pending messages. */
    List<CpaId> cpasWithPending();

    record Route(PartyId from, PartyId to, Service service, String action) {
        public String describe() {
            return "action " + action + " of service " + service.value() + " from " + from.value() + " to "
                    + to.value();
        }
    }

    record Terms(int retries, Duration retryInterval, Duration persistDuration, String endpointUrl) {
    }

    /** @param moved now in MANUAL; @param inFlight in SENDING, to be moved once their attempt has ended */
    record Withdrawn(int moved, int inFlight) {
        public Withdrawn plus(Withdrawn other) {
            return new Withdrawn(moved + other.moved, inFlight + other.inFlight);
        }
    }
}
