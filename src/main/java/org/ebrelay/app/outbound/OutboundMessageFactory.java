package org.ebrelay.app.outbound;

import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.domain.cpa.MessagingCharacteristics;
import org.ebrelay.domain.cpa.ReliabilityTerms;
import org.ebrelay.domain.cpa.Requirement;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessageBuilder;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.retry.TimeToLiveRule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds the ebXML user message for a resolved submission, with the header elements its CPA asks for (RM-S2):
 * AckRequested and its signed flag, DuplicateElimination, SyncReply, and a TimeToLive that a same-id resend never
 * outlives (digest §13.3), plus the reliability terms the dispatcher will follow.
 */
public final class OutboundMessageFactory {
    private final IdGenerator ids;
    private final TimeToLiveRule timeToLive;

    public OutboundMessageFactory(IdGenerator ids, TimeToLiveRule timeToLive) {
        this.ids = ids;
        this.timeToLive = timeToLive;
    }

    /** The message and the terms it is sent under. */
    public record Built(EbmsMessage message, DeliveryTerms terms) {
    }

    Built build(SubmissionCheck.Resolved resolved, ConversationId conversationId, List<Payload> payloads,
                Instant now) {
        return build(resolved, conversationId, null, payloads, now);
    }

    /** @param refToMessageId the message this one answers, or null */
    Built build(SubmissionCheck.Resolved resolved, ConversationId conversationId, MessageId refToMessageId,
                List<Payload> payloads, Instant now) {
        Route route = resolved.route();
        MessagingCharacteristics mc = route.characteristics();
        DeliveryTerms terms = terms(route, mc);
        MessageId messageId = ids.newMessageId();
        Instant ttl = terms.persistDuration() == null ? null
                : timeToLive.timeToLive(now, terms.persistDuration()).orElse(null);
        MessageHeader header = new MessageHeader(
                new Party(List.of(resolved.from()), route.fromRole()),
                new Party(List.of(resolved.to()), route.toRole()),
                resolved.agreement().cpaId(),
                conversationId != null ? conversationId : ids.newConversationId(),
                route.sendBinding().service(), route.sendBinding().action(),
                new MessageData(messageId, now, refToMessageId, ttl), terms.duplicateElimination(), List.of());
        EbmsMessageBuilder builder = EbmsMessageBuilder.withHeader(header).syncReply(terms.syncReply());
        if (terms.ackRequested()) {
            builder.ackRequested(new AckRequested(mc.effectiveActor(), mc.ackSignatureRequested() == Requirement.ALWAYS));
        }
        payloads.forEach(builder::payload);
        return new Built(builder.build(), terms);
    }

    /**
     * The reliability terms (also what a new CPA version gives pending messages): ack and duplicate elimination unless the CPA says never (perMessage: we ask for
     * them, the safer choice), Retries and RetryInterval from the sender's binding, PersistDuration from the
     * receiver's (it is the receiver that remembers ids), else the sender's.
     */
    public static DeliveryTerms terms(Route route) {
        return terms(route, route.characteristics());
    }

    private static DeliveryTerms terms(Route route, MessagingCharacteristics mc) {
        ReliabilityTerms sending = route.senderTerms().reliability();
        Duration persist = route.receiverTerms().reliability().persistDuration();
        if (persist == null) {
            persist = sending.persistDuration();
        }
        boolean ack = mc.ackRequested() != Requirement.NEVER;
        return new DeliveryTerms(ack, mc.duplicateElimination() != Requirement.NEVER,
                mc.syncReplyMode().isSynchronous(), ack ? sending.retries() : 0, sending.retryInterval(), persist);
    }
}
