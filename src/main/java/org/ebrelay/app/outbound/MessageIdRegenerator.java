package org.ebrelay.app.outbound;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.NewMessageId;
import org.ebrelay.app.port.out.OutboundMessages;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.OutboundState;

/**
 * Gives a claimed message a new ebXML MessageId before it is sent again (issue 4): the stored package is decoded,
 * given a new MessageId, Timestamp and TimeToLive (same ConversationId, payloads and everything else, so the same
 * HL7 id), encoded and re-signed, and stored as the message's current id; the earlier ids stay in its chain and still
 * settle it.
 */
final class MessageIdRegenerator {
    private final MessageCodec codec;
    private final OutboundMessages store;
    private final RetrySetup setup;

    MessageIdRegenerator(MessageCodec codec, OutboundMessages store, RetrySetup setup) {
        this.codec = codec;
        this.store = store;
        this.setup = setup;
    }

    /** The claim under its new id; empty when the message left SENDING meanwhile (an ack settled it). */
    Optional<ClaimedMessage> regenerate(ClaimedMessage m, Instant now) {
        Instant timestamp = now.truncatedTo(ChronoUnit.MILLIS);
        EbmsMessage old = stored(m);
        MessageId newId = setup.ids().newMessageId();
        Instant ttl = setup.timeToLive().timeToLive(timestamp, m.terms().persistDuration()).orElse(null);
        MessageHeader h = old.header();
        MessageHeader header = new MessageHeader(h.from(), h.to(), h.cpaId(), h.conversationId(), h.service(),
                h.action(), new MessageData(newId, timestamp, h.refToMessageId(), ttl), h.duplicateElimination(),
                h.descriptions());
        EbmsMessage renewed = old.toBuilder().header(header).signed(false).build();
        WireMessage wire = setup.resign().resign(renewed, codec.encode(renewed));
        WireBytes bytes = new WireBytes(wire.contentType(), wire.body());
        if (!store.assignNewMessageId(new NewMessageId(m.id(), OutboundState.SENDING, newId, timestamp, ttl, bytes,
                now))) {
            return Optional.empty();
        }
        return Optional.of(m.underNewId(newId, timestamp, ttl, bytes));
    }

    private EbmsMessage stored(ClaimedMessage m) {
        Decoded decoded = codec.decode(new WireMessage(m.wire().contentType(), m.soapAction(), m.wire().body()));
        if (decoded.message() == null) {
            throw new IllegalStateException("the stored package of " + m.heading().messageId()
                    + " cannot be read back: " + decoded.problems());
        }
        return decoded.message();
    }
}
