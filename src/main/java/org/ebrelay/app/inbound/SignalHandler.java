package org.ebrelay.app.inbound;

import org.ebrelay.app.outbound.OutboundListener;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.MessageSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ebrelay.app.IncomingSignals;
import org.ebrelay.app.PendingReplies;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageDetails;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.SettleResult;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Severity;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles our outbound messages by the partner's MSH signals, whether they came on the HTTP response or as requests
 * of their own: an Acknowledgment completes the message (ACK-8, RM-S4), a MessageError of severity Error fails it
 * (ERR-7) and one of Warnings is noted on it, as is a TimeToLiveExpired Error (the id expired, not the message: it is
 * resent under a new MessageId, issue 4); a Pong or StatusResponse goes to whoever waits for it.
 *
 * <p>The Acknowledgment is matched by its RefToMessageId against every MessageId the message has had. A late or
 * repeated one for a message that is final already changes nothing but is recorded (ACK-10).
 */
public final class SignalHandler implements IncomingSignals {
    private static final Logger LOG = LoggerFactory.getLogger("org.ebrelay.inbound.signals");

    private final MessageStore store;
    private final PendingReplies pendingReplies;
    private final OutboundListener listener;

    public SignalHandler(MessageStore store, PendingReplies pendingReplies) {
        this(store, pendingReplies, OutboundListener.NONE);
    }

    /**
     * @param listener told when a signal settles a message (an asynchronous Acknowledgment or MessageError), as the
     *                 dispatcher tells it of what the HTTP responses settle: metrics and notifications hear of both
     */
    public SignalHandler(MessageStore store, PendingReplies pendingReplies, OutboundListener listener) {
        this.store = store;
        this.pendingReplies = pendingReplies;
        this.listener = listener;
    }

    @Override
    public void handle(EbmsMessage signal, Instant receivedAt) {
        switch (signal.kind()) {
            case ACKNOWLEDGMENT -> acknowledged(signal, receivedAt);
            case MESSAGE_ERROR -> errorReported(signal, receivedAt);
            case PONG, STATUS_RESPONSE -> replied(signal);
            default -> LOG.warn("{} {} is not a signal; ignored", signal.kind().displayName(), signal.messageId());
        }
    }

    private void acknowledged(EbmsMessage ack, Instant at) {
        MessageId refTo = ack.acknowledgment() != null ? ack.acknowledgment().refToMessageId()
                : ack.header().refToMessageId();
        String detail = "Acknowledgment " + ack.messageId();
        if (refTo == null) {
            LOG.warn("{} refers to no message; ignored", detail);
            return;
        }
        Optional<MessageSummary> sent = outboundSummary(refTo);
        if (sent.isPresent() && !fromTheRecipient(ack, sent.get().heading())) {
            // ACK-8: only the MSH we sent the message to, under its CPA, may acknowledge it
            LOG.warn("{} for {} comes from {} under {}, not from its recipient: ignored", detail, refTo,
                    ack.header().from().partyIds(), ack.header().cpaId());
            store.append(sent.get().id(), at, EventType.ACK_IGNORED, detail + " from " + ack.header().from().partyIds()
                    + " under " + ack.header().cpaId().value() + ", not from the recipient: ignored");
            return;
        }
        SettleResult result = store.acknowledge(refTo, at, detail);
        if (result.outcome() == SettleResult.Outcome.SETTLED) {
            // the message read for the ACK-8 check above: settling changed its state, not its heading
            sent.map(MessageSummary::heading)
                    .ifPresent(h -> listener.completed(h, Duration.between(h.timestamp(), at)));
        }
        noteUnsettled(result, refTo, at, EventType.ACK_IGNORED, detail);
    }

    private void errorReported(EbmsMessage error, Instant at) {
        MessageId refTo = error.header().refToMessageId();
        ErrorList errors = error.errorList();
        if (refTo == null || errors == null) {
            LOG.warn("MessageError {} without RefToMessageId or ErrorList; ignored", error.messageId());
            return;
        }
        String detail = "MessageError " + error.messageId() + ": " + describe(errors);
        if (pendingReplies.complete(refTo, error)) {
            return; // it answers a Ping or StatusRequest someone waits for, not a stored message
        }
        if (errors.highestSeverity() == Severity.ERROR && onlyTimeToLiveExpired(errors)) {
            // the partner refused this MessageId, not the message: it is resent, under a new MessageId once the id's
            // TimeToLive has passed by our clock (issue 4), so it is noted rather than failed
            outboundMessage(refTo).ifPresent(id -> store.append(id, at, EventType.NOTE,
                    detail + "; resent under a new MessageId once its TimeToLive has passed"));
            return;
        }
        if (errors.highestSeverity() == Severity.ERROR) {
            SettleResult result = store.failByMessageError(refTo, at, detail);
            if (result.outcome() == SettleResult.Outcome.SETTLED) {
                heading(refTo).ifPresent(h -> listener.failed(h, detail));
            }
            noteUnsettled(result, refTo, at, EventType.NOTE, detail);
            return;
        }
        Optional<InternalId> message = outboundMessage(refTo);
        if (message.isPresent()) {
            store.append(message.get(), at, EventType.NOTE, "warning from the partner: " + detail);
        } else {
            LOG.info("Warnings about unknown message {}: {}", refTo, detail);
        }
    }

    private static boolean onlyTimeToLiveExpired(ErrorList errors) {
        return errors.errors().stream().filter(e -> e.severity() == Severity.ERROR)
                .allMatch(e -> ErrorCode.TIME_TO_LIVE_EXPIRED.wireName().equals(e.errorCode()));
    }

    private void noteUnsettled(SettleResult result, MessageId refTo, Instant at, EventType note, String detail) {
        switch (result.outcome()) {
            case SETTLED -> LOG.debug("{} settled {} ({})", detail, refTo, result.previousState());
            case ALREADY_FINAL -> {
                LOG.info("{} for {} which is {} already: nothing changes", detail, refTo, result.previousState());
                store.append(result.id(), at, note, detail + " after the message was " + result.previousState());
            }
            case UNKNOWN_MESSAGE_ID -> LOG.warn("{} refers to {}, which we never sent; ignored", detail, refTo);
        }
    }

    private void replied(EbmsMessage reply) {
        MessageId refTo = reply.header().refToMessageId();
        if (refTo == null || !pendingReplies.complete(refTo, reply)) {
            LOG.info("{} {} answers {}, which nobody waits for (any more); ignored", reply.kind().displayName(),
                    reply.messageId(), refTo);
        }
    }

    /** The outbound message's heading as stored now (its current MessageId), for the listener. */
    private Optional<MessageHeading> heading(MessageId messageId) {
        return outboundSummary(messageId).map(MessageSummary::heading);
    }

    private Optional<MessageSummary> outboundSummary(MessageId messageId) {
        return store.findByMessageId(messageId).stream()
                .map(MessageDetails::summary)
                .filter(summary -> summary.direction() == Direction.OUTBOUND)
                .findFirst();
    }

    /** The signal is from the party the message went to, under the message's CPA (ACK-8). */
    private static boolean fromTheRecipient(EbmsMessage signal, MessageHeading sent) {
        return signal.header().cpaId().equals(sent.cpaId()) && signal.header().from().partyIds().contains(sent.to());
    }

    private Optional<InternalId> outboundMessage(MessageId messageId) {
        return outboundSummary(messageId).map(MessageSummary::id);
    }

    private static String describe(ErrorList errors) {
        StringBuilder text = new StringBuilder();
        for (EbmsError error : errors.errors()) {
            text.append(text.length() == 0 ? "" : "; ").append(error.errorCode()).append(' ')
                    .append(error.severity() == Severity.ERROR ? "Error" : "Warning")
                    .append(error.location() == null ? "" : " at " + error.location())
                    .append(error.description() == null ? "" : ": " + error.description());
        }
        return text.toString();
    }
}
