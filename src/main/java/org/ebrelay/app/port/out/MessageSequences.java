package org.ebrelay.app.port.out;

import java.util.function.Function;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageOrder;

/** The sender's side of ordered delivery: SequenceNumbers per (CPA, ConversationId), issue 8. */
public interface MessageSequences {

    /**
     * In ONE transaction: takes the next SequenceNumber of the conversation (0 with Reset for a new one, then one
     * more each time, 0 with Reset again after 99999999), asks {@code build} for the message numbered so, stores it
     * QUEUED as {@link OutboundMessages#insert} does, with a SEQUENCED event. Concurrent calls for one conversation
     * (threads or nodes) get distinct consecutive numbers; a failed call uses none. {@code build} may run more than
     * once (only the committed run counts).
     *
     * @return the number the stored message carries
     */
    MessageOrder insertNumbered(CpaId cpaId, ConversationId conversationId,
                                Function<MessageOrder, SubmittedMessage> build);
}
