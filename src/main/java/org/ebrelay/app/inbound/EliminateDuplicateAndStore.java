package org.ebrelay.app.inbound;

import org.ebrelay.app.port.out.MessageSigning;
import org.ebrelay.app.signing.Signatures;
import org.ebrelay.domain.cpa.DeliveryChannel;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.SignatureReference;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.out.DuplicateCheck;
import org.ebrelay.app.port.out.Hl7DuplicateCheck;
import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.app.port.out.InboundRegistration;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.app.port.out.RegistrationResult;
import org.ebrelay.app.port.out.StoreFailure;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.InboundState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 6 (RM-R2..R5, RM-R7, ACK-5): one store transaction holds the received message with its raw bytes, one delivery
 * for the party of ours it is addressed to, the remembered (CPAId, MessageId) when it carries DuplicateElimination,
 * and the Acknowledgment we answer with when it asks for one. The same message again gets that stored reply, byte for
 * byte, and no second delivery; the same MessageId with other content is refused. A message whose HL7 id came from
 * the same partner under the same CPA before, under another MessageId, is acknowledged (for its own MessageId) and
 * kept as DUPLICATE, not delivered again: the store decides that in the same transaction.
 */
final class EliminateDuplicateAndStore {
    private static final Logger SIGNING = LoggerFactory.getLogger("org.ebrelay.inbound.signing");
    private static final Logger DUPLICATES = LoggerFactory.getLogger("org.ebrelay.inbound.duplicates");

    private final MessageCodec codec;
    private final MessageStore store;
    private final IdGenerator ids;
    private final LocalParties localParties;
    private final Headings headings;
    private final ReceiveSettings settings;
    private final Signatures signatures;
    private final Function<Agreement, Integer> cpaVersions;

    EliminateDuplicateAndStore(MessageCodec codec, MessageStore store, IdGenerator ids, LocalParties localParties,
                               Headings headings, ReceiveSettings settings, Signatures signatures,
                               Function<Agreement, Integer> cpaVersions) {
        this.signatures = signatures;
        this.cpaVersions = cpaVersions;
        this.codec = codec;
        this.store = store;
        this.ids = ids;
        this.localParties = localParties;
        this.headings = headings;
        this.settings = settings;
    }

    /** What storing found. */
    sealed interface Stored {
        /** New and committed; {@code reply} (the Acknowledgment, or null) may go out now (RM-R3). */
        record Accepted(WireMessage reply) implements Stored {
        }

        /** Seen before with the same content: replay {@code reply}, the one stored for the original (or null). */
        record Duplicate(WireMessage reply) implements Stored {
        }

        /** The same (CPAId, MessageId) as an earlier message with other content. */
        record Conflict(EbmsError error) implements Stored {
        }

        /** The store failed: nothing is stored, nothing is acknowledged; the sender will resend. */
        record Unavailable(String reason) implements Stored {
        }
    }

    /** @param signedReferences the ds:References of the message's verified signature, empty when unsigned */
    Stored store(Incoming in, Counterparts parties, List<SignatureReference> signedReferences) {
        EbmsMessage message = in.message();
        WireMessage ack = message.ackRequested() == null ? null : acknowledgment(in, parties, signedReferences);
        MessageHeading heading = headings.of(message, parties.senderId(), parties.receiverId());
        InboundRegistration registration = new InboundRegistration(ids.newInternalId(), heading, in.receivedAt(),
                in.wireBytes(), InboundState.RECEIVED, duplicateCheck(in, parties.route()),
                ack == null ? null : new WireBytes(ack.contentType(), ack.body()),
                List.of(delivery(heading, parties, in.receivedAt())), "received from " + PartyIds.format(parties.senderId()),
                hl7Check(in), cpaVersions.apply(parties.agreement()));
        RegistrationResult result;
        try {
            result = message.messageOrder() != null && settings.ordering() != null
                    ? settings.ordering().register(registration, message.messageOrder())
                    : store.register(registration);
        } catch (StoreFailure e) {
            return new Stored.Unavailable(e.getMessage());
        }
        if (result instanceof RegistrationResult.Duplicate duplicate) {
            DUPLICATES.info("{} is a duplicate of {}: not delivered again, stored reply replayed", in,
                    duplicate.original());
            return new Stored.Duplicate(duplicate.reply() == null ? null : new WireMessage(
                    duplicate.reply().contentType(), WireMessage.EBXML_SOAP_ACTION, duplicate.reply().body()));
        }
        if (result instanceof RegistrationResult.Conflict conflict) {
            DUPLICATES.warn("{} reuses the MessageId of {} with other content", in, conflict.original());
            return new Stored.Conflict(EbmsError.error(ErrorCode.INCONSISTENT,
                    "//Header/MessageHeader/MessageData/MessageId", "MessageId " + message.messageId()
                            + " was received before under CPA " + message.header().cpaId() + " with other content:"
                            + " a resend must be the same message, a new message needs a new MessageId"));
        }
        if (result instanceof RegistrationResult.Hl7Duplicate hl7Duplicate) {
            DUPLICATES.info("{} carries HL7 id {} received before as {}: acknowledged, not delivered again", in,
                    heading.hl7Id(), hl7Duplicate.original());
        }
        return new Stored.Accepted(ack);
    }

    /**
     * ACK-7: a signed Acknowledgment when one is asked for, with copies of the message's ds:References, signed with
     * our MSH channel's terms. Signed once, here, and stored: a duplicate gets these bytes again. When our channel
     * cannot sign (no SenderNonRepudiation, or the key is missing) the references go out unsigned, and that is logged.
     */
    private WireMessage acknowledgment(Incoming in, Counterparts parties, List<SignatureReference> references) {
        boolean signed = in.message().ackRequested().signed();
        EbmsMessage ack = EbmsMessages.acknowledgmentOf(in.message(), ids.newMessageId(), in.receivedAt(),
                in.receivedAt(), signed ? references : List.of());
        if (!signed || !signatures.enabled()) {
            return codec.encode(ack);
        }
        try {
            DeliveryChannel ours = parties.agreement().mshChannel(parties.receiverId(),
                    MessageKind.ACKNOWLEDGMENT.mshAction()).orElseThrow();
            return signatures.sign(ack, parties.agreement(), ours);
        } catch (MessageSigning.SigningFailure | java.util.NoSuchElementException e) {
            SIGNING.error("{} asks for a signed Acknowledgment, which cannot be signed here: {}", in, e.getMessage());
            return codec.encode(ack);
        }
    }

    /** HL7-level duplicate protection (issue 4) for the configured window from receipt; none when it is zero. */
    private Hl7DuplicateCheck hl7Check(Incoming in) {
        Duration window = settings.hl7DuplicateWindow();
        return window.isZero() ? null : new Hl7DuplicateCheck(in.receivedAt().plus(window));
    }

    /** RM-R7: remembered for PersistDuration after the later of the message's Timestamp and its receipt. */
    private DuplicateCheck duplicateCheck(Incoming in, Route route) {
        if (!in.message().header().duplicateElimination()) {
            return null;
        }
        Instant timestamp = in.message().header().messageData().timestamp();
        Instant from = timestamp.isAfter(in.receivedAt()) ? timestamp : in.receivedAt();
        return new DuplicateCheck(ContentDigest.of(in.message()), from.plus(persistDuration(route, settings.defaultPersistDuration())));
    }

    /** The receiver's PersistDuration (ours), else the sender's, else the configured default. */
    static Duration persistDuration(Route route, Duration fallback) {
        return Optional.ofNullable(route.receiverTerms().reliability().persistDuration())
                .or(() -> Optional.ofNullable(route.senderTerms().reliability().persistDuration()))
                .orElse(fallback);
    }

    /**
     * One delivery, to our party under the PartyId the message named when this node is configured with it, else
     * under the configured PartyId of that party (the one its application asks its inbox for). Due for a webhook
     * push at once when one is configured.
     */
    private NewDelivery delivery(MessageHeading heading, Counterparts parties, Instant receivedAt) {
        PartyId party = localParties.actsFor(parties.receiverId()) ? parties.receiverId()
                : parties.receiver().partyIds().stream().filter(localParties::actsFor)
                        .findFirst().orElse(parties.receiverId());
        Instant pushAt = settings.webhooks().pushes(heading, party) ? receivedAt : null;
        return new NewDelivery(ids.newDeliveryId(), party, pushAt);
    }
}
