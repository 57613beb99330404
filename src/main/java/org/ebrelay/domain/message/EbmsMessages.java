package org.ebrelay.domain.message;

import java.time.Instant;
import java.util.List;

/**
 * Factories for the MSH service messages. A reply swaps From and To (without roles), keeps the CPAId and
 * ConversationId of the message it answers and refers to it by RefToMessageId (ebMS 2.0 section 6).
 * Ids and times are passed in: the caller owns the clock and the id generator.
 */
public final class EbmsMessages {
    private EbmsMessages() {
    }

    /** A standalone Acknowledgment of {@code received}, which arrived at {@code receivedAt}. */
    public static EbmsMessage acknowledgmentOf(EbmsMessage received, MessageId id, Instant now, Instant receivedAt,
                                               List<SignatureReference> references) {
        MessageHeader in = received.header();
        Actor actor = received.ackRequested() == null ? null : received.ackRequested().actor();
        return EbmsMessageBuilder.withHeader(replyHeader(in, MessageKind.ACKNOWLEDGMENT, id, now))
                .acknowledgment(new Acknowledgment(receivedAt, in.messageId(), in.to().withoutRole(), actor, references))
                .build();
    }

    /** A MessageError about {@code inError}. */
    public static EbmsMessage messageErrorFor(MessageHeader inError, MessageId id, Instant now, ErrorList errors) {
        return EbmsMessageBuilder.withHeader(replyHeader(inError, MessageKind.MESSAGE_ERROR, id, now))
                .errorList(errors).build();
    }

    /** The Pong answering {@code ping}. */
    public static EbmsMessage pongFor(MessageHeader ping, MessageId id, Instant now) {
        return EbmsMessageBuilder.withHeader(replyHeader(ping, MessageKind.PONG, id, now)).build();
    }

    /** The StatusResponse answering {@code request}. */
    public static EbmsMessage statusResponseFor(MessageHeader request, MessageId id, Instant now, StatusResponse status) {
        return EbmsMessageBuilder.withHeader(replyHeader(request, MessageKind.STATUS_RESPONSE, id, now))
                .statusResponse(status).build();
    }

    /** A Ping from {@code from} to {@code to}, asking for a synchronous Pong when {@code syncReply}. */
    public static EbmsMessage ping(CpaId cpaId, ConversationId conversationId, Party from, Party to, MessageId id,
                                   Instant now, boolean syncReply) {
        return EbmsMessageBuilder.withHeader(mshHeader(cpaId, conversationId, from, to, MessageKind.PING, id, now, null))
                .syncReply(syncReply).build();
    }

    /** A StatusRequest about {@code about}. */
    public static EbmsMessage statusRequest(CpaId cpaId, ConversationId conversationId, Party from, Party to,
                                            MessageId id, Instant now, MessageId about, boolean syncReply) {
        return EbmsMessageBuilder.withHeader(
                        mshHeader(cpaId, conversationId, from, to, MessageKind.STATUS_REQUEST, id, now, null))
                .statusRequest(new StatusRequest(about)).syncReply(syncReply).build();
    }

    private static MessageHeader replyHeader(MessageHeader answered, MessageKind kind, MessageId id, Instant now) {
        return mshHeader(answered.cpaId(), answered.conversationId(), answered.to(), answered.from(), kind, id, now,
                answered.messageId());
    }

    private static MessageHeader mshHeader(CpaId cpaId, ConversationId conversationId, Party from, Party to,
                                           MessageKind kind, MessageId id, Instant now, MessageId refTo) {
        return new MessageHeader(from.withoutRole(), to.withoutRole(), cpaId, conversationId, Service.MSH,
                kind.mshAction(), new MessageData(id, now, refTo, null), false, List.of());
    }
}
