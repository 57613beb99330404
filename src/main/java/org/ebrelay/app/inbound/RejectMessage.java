package org.ebrelay.app.inbound;

import java.util.List;
import java.util.function.Function;
import org.ebrelay.app.port.in.ReceiveMessage.InboundReply;
import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.app.port.out.InboundRegistration;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.StoreFailure;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.reliability.InboundState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way out for a message that failed a step (RM-R1): a MessageError with the errors (ERR-1), on the HTTP response
 * when the message asked for SyncReply, else to the From party's error-reporting location (ERR-4). A rejected user
 * message is stored REJECTED, never delivered, so its event is kept. A message that itself reports an Error is never
 * answered with one (ERR-3).
 */
final class RejectMessage {
    private static final Logger LOG = LoggerFactory.getLogger("org.ebrelay.inbound.rejected");

    private final MessageCodec codec;
    private final MessageStore store;
    private final IdGenerator ids;
    private final Headings headings;
    private final Reply reply;
    private final Function<Agreement, Integer> cpaVersions;

    RejectMessage(MessageCodec codec, MessageStore store, IdGenerator ids, Headings headings, Reply reply,
                  Function<Agreement, Integer> cpaVersions) {
        this.cpaVersions = cpaVersions;
        this.codec = codec;
        this.store = store;
        this.ids = ids;
        this.headings = headings;
        this.reply = reply;
    }

    /** @param agreement the message's agreement when known, for the address of an asynchronous error */
    InboundReply reject(Incoming in, Agreement agreement, List<EbmsError> errors, boolean keep) {
        if (in.reportsAnError()) {
            LOG.warn("{} failed validation, but it reports an error itself, so it is not answered with one"
                    + " (ERR-3): {}", in, errors);
            return InboundReply.noContent();
        }
        LOG.info("Rejecting {}: {}", in, errors);
        EbmsMessage error = EbmsMessages.messageErrorFor(in.message().header(), ids.newMessageId(), in.receivedAt(),
                new ErrorList(errors));
        WireMessage wire = codec.encode(error);
        if (keep && in.isUserMessage()) {
            keepRejected(in, wire, errors, cpaVersions.apply(agreement));
        }
        return reply.answer(in, wire, MessageKind.MESSAGE_ERROR.mshAction(), in.message().syncReply(),
                ReplyAddress.lenient(agreement, in.message().header()).orElse(null));
    }

    /**
     * Without a duplicate check: a resend is judged afresh (the CPA may have been fixed meanwhile), and a rejected
     * copy never blocks the MessageId for the real message.
     */
    private void keepRejected(Incoming in, WireMessage error, List<EbmsError> errors, Integer cpaVersion) {
        EbmsMessage message = in.message();
        try {
            store.register(new InboundRegistration(ids.newInternalId(),
                    headings.of(message, message.header().from().firstId(), message.header().to().firstId()),
                    in.receivedAt(), in.wireBytes(), InboundState.REJECTED, null,
                    new WireBytes(error.contentType(), error.body()), List.of(), describe(errors), null,
                    cpaVersion));
        } catch (StoreFailure | IllegalArgumentException e) {
            // The error is still answered; only the record of the rejection is lost.
            LOG.error("Could not store rejected {}: {}", in, e.toString());
        }
    }

    private static String describe(List<EbmsError> errors) {
        StringBuilder text = new StringBuilder();
        for (EbmsError error : errors) {
            text.append(text.length() == 0 ? "" : "; ").append(error.errorCode())
                    .append(error.description() == null ? "" : ": " + error.description());
        }
        return text.toString();
    }
}
