package org.ebrelay.app.port.out;

import java.time.Instant;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.message.PartyId;

/**
 * An ordered conversation whose delivery waits.
 *
 * @param from          the partner the conversation comes from
 * @param waitingFor    the SequenceNumber whose delivery comes next
 * @param inFlight      the MessageId released but not delivered yet (later ones wait behind it), or null when the
 *                      message numbered {@code waitingFor} has not arrived
 * @param held          how many later messages are held
 * @param oldestHeldAt  when the longest held one arrived, or null when none is held
 */
public record OrderGap(CpaId cpaId, ConversationId conversationId, PartyId from, long waitingFor, String inFlight,
                       int held, Instant oldestHeldAt) {

    /** The number released last: the one before {@code waitingFor}. */
    private long previous() {
        return waitingFor == 0 ? MessageOrder.MAX_SEQUENCE_NUMBER : waitingFor - 1;
    }

    /** In words, for events, notices and the CLI. */
    public String describe() {
        String what = inFlight != null
                ? "sequence " + previous() + " (message " + inFlight + ") is not delivered yet"
                : "sequence " + waitingFor + " has not arrived";
        return "conversation " + conversationId.value() + " under CPA " + cpaId.value() + ": " + what + "; " + held
                + " later message(s) held" + (oldestHeldAt == null ? "" : " since " + oldestHeldAt);
    }
}
