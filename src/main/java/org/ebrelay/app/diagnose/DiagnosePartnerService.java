package org.ebrelay.app.diagnose;

import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.PendingReplies;
import org.ebrelay.app.port.in.DiagnosePartner;
import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.PartnerTransport;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.StatusResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Ping and StatusRequest to a partner's MSH, for onboarding and diagnosis (ebMS 2.0 §7, §8; digest STA-1, PNG-1).
 * Nothing is stored: the request goes out once, and every failure (unknown CPA or party, partner unreachable, a
 * MessageError, no reply in time) is a result with a sentence, never an exception.
 */
public final class DiagnosePartnerService implements DiagnosePartner {
    private final AgreementRegistry agreements;
    private final LocalParties localParties;
    private final IdGenerator ids;
    private final Clock clock;
    private final MshExchange exchange;

    /**
     * @param timeout how long to wait for the partner's HTTP answer, and then again for an asynchronous reply
     */
    public DiagnosePartnerService(AgreementRegistry agreements, LocalParties localParties, MessageCodec codec,
                                  PartnerTransport transport, PendingReplies pendingReplies, IdGenerator ids,
                                  Clock clock, Duration timeout) {
        this.agreements = agreements;
        this.localParties = localParties;
        this.ids = ids;
        this.clock = clock;
        this.exchange = new MshExchange(codec, transport, pendingReplies, clock, timeout);
    }

    @Override
    public PingResult ping(CpaId cpaId, PartyId from, PartyId to) {
        PartnerTarget.Resolution resolved = resolve(cpaId, from, to, MessageKind.PING);
        if (resolved.error() != null) {
            return new PingResult(false, null, null, null, resolved.error());
        }
        PartnerTarget target = resolved.target();
        MessageId pingId = ids.newMessageId();
        EbmsMessage ping = EbmsMessages.ping(target.cpaId(), ids.newConversationId(), target.fromParty(),
                target.toParty(), pingId, clock.instant(), target.syncReply());
        MshExchange.Outcome outcome = exchange.exchange(target, ping);
        if (outcome.error() != null) {
            return new PingResult(false, pingId.value(), null, null, outcome.error());
        }
        EbmsMessage reply = outcome.reply();
        if (reply.kind() == MessageKind.PONG) {
            return new PingResult(true, pingId.value(), reply.messageId().value(), outcome.roundTrip(), null);
        }
        return new PingResult(false, pingId.value(), null, outcome.roundTrip(), notTheReply(reply, MessageKind.PONG));
    }

    @Override
    public StatusResult requestStatus(CpaId cpaId, PartyId from, PartyId to, String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return new StatusResult(null, null, "the MessageId to ask about is required");
        }
        PartnerTarget.Resolution resolved = resolve(cpaId, from, to, MessageKind.STATUS_REQUEST);
        if (resolved.error() != null) {
            return new StatusResult(null, null, resolved.error());
        }
        PartnerTarget target = resolved.target();
        MessageId about = MessageId.of(messageId.strip());
        EbmsMessage request = EbmsMessages.statusRequest(target.cpaId(), ids.newConversationId(), target.fromParty(),
                target.toParty(), ids.newMessageId(), clock.instant(), about, target.syncReply());
        MshExchange.Outcome outcome = exchange.exchange(target, request);
        if (outcome.error() != null) {
            return new StatusResult(null, null, outcome.error());
        }
        StatusResponse status = outcome.reply().statusResponse();
        if (outcome.reply().kind() != MessageKind.STATUS_RESPONSE || status == null) {
            return new StatusResult(null, null, notTheReply(outcome.reply(), MessageKind.STATUS_RESPONSE));
        }
        if (!about.equals(status.refToMessageId())) {
            return new StatusResult(null, null, "the StatusResponse is about " + status.refToMessageId()
                    + ", not " + about);
        }
        return new StatusResult(status.status().wireName(), status.timestamp(), null);
    }

    private PartnerTarget.Resolution resolve(CpaId cpaId, PartyId from, PartyId to, MessageKind kind) {
        return PartnerTarget.resolve(agreements, localParties, cpaId, from, to, kind.mshAction(), clock.instant());
    }

    /** The error text for a reply of another kind than expected (a MessageError names its errors). */
    private static String notTheReply(EbmsMessage reply, MessageKind expected) {
        if (reply.errorList() != null) {
            return "partner answered with a MessageError: " + reply.errorList().errors().stream()
                    .map(DiagnosePartnerService::describe).collect(Collectors.joining("; "));
        }
        return "partner answered with a " + reply.kind().displayName() + " instead of a " + expected.displayName();
    }

    private static String describe(EbmsError error) {
        StringBuilder text = new StringBuilder(error.errorCode())
                .append(" (").append(error.severity().wireName()).append(")");
        if (error.description() != null) {
            text.append(": ").append(error.description());
        }
        if (error.location() != null) {
            text.append(" at ").append(error.location());
        }
        return text.toString();
    }
}
