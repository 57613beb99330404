package org.ebrelay.app.outbound;

import java.util.Objects;
import org.ebrelay.app.port.out.MessageSequences;

/**
 * Where submissions on an ordered channel go (issue 8): {@code sequences} numbers and stores each one in one
 * transaction, then {@code wake} tells the dispatcher there is work. (The store-and-claim shortcut of the
 * {@link Outbox} is not used for them: the number must be taken in the storing transaction.)
 */
public record NumberedOutbox(MessageSequences sequences, Runnable wake) {
    public NumberedOutbox {
        Objects.requireNonNull(sequences, "sequences");
        Objects.requireNonNull(wake, "wake");
    }
}
