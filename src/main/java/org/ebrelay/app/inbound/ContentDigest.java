package org.ebrelay.app.inbound;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Payload;

/**
 * What makes two copies under one (CPAId, MessageId) "the same message" for duplicate elimination (RM-R4): a SHA-256
 * over the addressing and business content of the header (CPAId, ConversationId, MessageId, RefToMessageId, every
 * From and To PartyId with its type, the roles, Service and Action) and every payload (Content-ID, Content-Type,
 * content bytes), each field length-prefixed so no two different messages share an input.
 *
 * <p>Left out on purpose: what a sender's MSH may legitimately redo on a resend without making it another message:
 * Timestamp, TimeToLive, AckRequested, SyncReply, Description, the MIME boundary and envelope layout, and signatures.
 */
final class ContentDigest {
    private ContentDigest() {
    }

    static byte[] of(EbmsMessage message) {
        MessageDigest sha256 = sha256();
        MessageHeader header = message.header();
        field(sha256, header.cpaId().value());
        field(sha256, header.conversationId().value());
        field(sha256, header.messageId().value());
        field(sha256, header.refToMessageId() == null ? null : header.refToMessageId().value());
        party(sha256, header.from());
        party(sha256, header.to());
        field(sha256, header.service().type());
        field(sha256, header.service().value());
        field(sha256, header.action());
        count(sha256, message.payloads().size());
        for (Payload payload : message.payloads()) {
            field(sha256, payload.contentId());
            field(sha256, payload.contentType());
            bytes(sha256, payload.content());
        }
        return sha256.digest();
    }

    private static void party(MessageDigest sha256, Party party) {
        count(sha256, party.partyIds().size());
        for (PartyId id : party.partyIds()) {
            field(sha256, id.type());
            field(sha256, id.value());
        }
        field(sha256, party.role());
    }

    /** An absent value (-1) differs from an empty one (0). */
    private static void field(MessageDigest sha256, String value) {
        if (value == null) {
            count(sha256, -1);
        } else {
            bytes(sha256, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void bytes(MessageDigest sha256, byte[] value) {
        count(sha256, value.length);
        sha256.update(value);
    }

    private static void count(MessageDigest sha256, int value) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
