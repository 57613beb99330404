package org.ebrelay.app.inbound;

import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;

/** PNG-2: a Ping from a party of a valid agreement gets a Pong; nothing is stored. */
final class AnswerPing {
    private final IdGenerator ids;

    AnswerPing(IdGenerator ids) {
        this.ids = ids;
    }

    EbmsMessage pong(Incoming ping) {
        return EbmsMessages.pongFor(ping.message().header(), ids.newMessageId(), ping.receivedAt());
    }
}
