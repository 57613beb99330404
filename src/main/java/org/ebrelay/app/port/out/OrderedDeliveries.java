package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageOrder;

/**
 * The receiver's side of ordered delivery (eb:MessageOrder, issue 8). A conversation's messages are stored and
 * acknowledged as they come, but their deliveries are released one at a time in SequenceNumber order: a message is
 * released when it is the next expected number and the one released before it was delivered (every delivery
 * confirmed), in the same transaction that records it. Each method is one transaction.
 */
public interface OrderedDeliveries {

    /**
     * Registers like {@link ReceivedMessages#register}, holding the deliveries until the message's turn (a
     * HELD_FOR_ORDER event says what it waits for) or releasing them at once. A message that turns out a duplicate
     * changes nothing; one kept as an HL7 duplicate still takes its number (nothing to deliver). When the
     * conversation then holds more than {@code maxHeld} messages, the gap is reported once (an ORDER_GAP_REPORTED
     * event) and returned.
     */
    OrderedRegistration register(InboundRegistration registration, MessageOrder order, int maxHeld);

    /**
     * Conversations whose oldest held message came before {@code heldBefore} and whose gap was not reported yet:
     * each is marked reported, with an ORDER_GAP_REPORTED event on its oldest held message.
     */
    List<OrderGap> reportOverdue(Instant heldBefore, Instant at);

    /**
     * An operator's way out of a gap that never fills: when a released message is still undelivered, stop waiting
     * for it; otherwise the next expected number becomes the lowest held one (a held Reset first: the sender started
     * afresh). What then is due is released, with an ORDER_GAP_SKIPPED event naming {@code operator}. Empty when the
     * conversation holds nothing.
     */
    Optional<GapSkip> skipGap(CpaId cpaId, ConversationId conversationId, String operator, Instant at);

    /** Conversations holding messages, longest waiting first. */
    List<OrderGap> held(int limit);

    /** What registering an ordered message did; {@code reported} is a gap that just went past the held limit. */
    record OrderedRegistration(RegistrationResult result, boolean released, OrderGap reported) {
    }

    /** What a skip did: the numbers no longer waited for ({@code from}..{@code to}) and what was released. */
    record GapSkip(long skippedFrom, long skippedTo, List<String> released) {
    }
}
