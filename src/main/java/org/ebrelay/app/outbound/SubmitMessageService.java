package org.ebrelay.app.outbound;

import org.ebrelay.app.port.out.MessageSigning;
import org.ebrelay.app.signing.Signatures;

import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.out.Hl7Ids;
import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.MessageHeading;

import org.ebrelay.app.port.out.StoreFailure;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.reliability.OutboundState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Accepts a message from the application: checks it against the CPA, builds and encodes the ebXML message once,
 * and hands it to the {@link Outbox}, which stores it in one transaction before this answers (RM-S1) and sends it.
 */
public final class SubmitMessageService implements SubmitMessage {
    private static final Logger log = LoggerFactory.getLogger(SubmitMessageService.class);

    private final SubmissionCheck check;
    private final OutboundMessageFactory factory;
    private final MessageCodec codec;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Hl7Ids hl7Ids;
    private final Clock clock;
    private final Signatures signatures;
    private final NumberedOutbox numbered;
    private final AgreementRegistry agreements;

    /** Without XML signatures: a CPA that asks for them is refused at submission. */
    public SubmitMessageService(AgreementRegistry agreements, LocalParties localParties, OutboundMessageFactory factory,
                                MessageCodec codec, Outbox outbox, IdGenerator ids, Hl7Ids hl7Ids, Clock clock) {
        this(agreements, localParties, factory, codec, outbox, ids, hl7Ids, clock, Signatures.DISABLED);
    }

    /** @param signatures signs a message once, here at acceptance, where its CPA asks (the stored package is resent) */
    public SubmitMessageService(AgreementRegistry agreements, LocalParties localParties, OutboundMessageFactory factory,
                                MessageCodec codec, Outbox outbox, IdGenerator ids, Hl7Ids hl7Ids, Clock clock,
                                Signatures signatures) {
        this(agreements, localParties, factory, codec, outbox, ids, hl7Ids, clock, signatures, null);
    }

    /** @param numbered takes submissions on ordered channels (eb:MessageOrder); null: they are refused */
    public SubmitMessageService(AgreementRegistry agreements, LocalParties localParties, OutboundMessageFactory factory,
                                MessageCodec codec, Outbox outbox, IdGenerator ids, Hl7Ids hl7Ids, Clock clock,
                                Signatures signatures, NumberedOutbox numbered) {
        this.numbered = numbered;
        this.signatures = signatures;
        this.agreements = agreements;
        this.check = new SubmissionCheck(agreements, localParties, signatures.enabled());
        this.factory = factory;
        this.codec = codec;
        this.outbox = outbox;
        this.ids = ids;
        this.hl7Ids = hl7Ids;
        this.clock = clock;
    }

    @Override
    public SubmissionResult submit(Submission submission) {
        Instant now = clock.instant();
        SubmissionCheck.Outcome checked = check.check(submission, now);
        if (checked instanceof SubmissionCheck.Refusal refusal) {
            return refusal.result();
        }
        SubmissionCheck.Resolved resolved = (SubmissionCheck.Resolved) checked;
        List<Payload> payloads = payloads(submission);
        String hl7Id = submission.hl7MessageId() != null && !submission.hl7MessageId().isBlank()
                ? submission.hl7MessageId()
                : payloads.stream().map(p -> hl7Ids.of(p.contentType(), p.content())).flatMap(Optional::stream)
                        .findFirst().orElse(null);
        OutboundMessageFactory.Built built = factory.build(resolved, submission.conversationId(),
                submission.refToMessageId(), payloads, now);
        if (resolved.route().ordered()) {
            return submitNumbered(built, resolved, hl7Id, now);
        }
        WireMessage wire;
        try {
            wire = signatures.encode(built.message(), resolved.agreement(), resolved.route(), codec);
        } catch (MessageSigning.SigningFailure e) {
            log.warn("could not sign a submission under {}: {}", submission.cpaId(), e.getMessage());
            return new SubmissionResult.Refused("SigningFailed", e.getMessage());
        }
        OutboundState stored;
        try {
            stored = outbox.accept(submitted(built, resolved.route(), hl7Id, wire, now,
                    agreements.versionOf(resolved.agreement())));
        } catch (StoreFailure e) {
            log.error("could not store a submission under {}: {}", submission.cpaId(), e.getMessage());
            return new SubmissionResult.Refused("Unavailable", "the message could not be stored: " + e.getMessage());
        }
        return new SubmissionResult.Accepted(built.message().messageId().value(), hl7Id, stored.code());
    }

    /**
     * An ordered channel (ORD-1/2): the SequenceNumber is taken, written into the message (signed with it) and the
     * message stored, all in one transaction, so a number is never lost nor given twice.
     */
    private SubmissionResult submitNumbered(OutboundMessageFactory.Built built, SubmissionCheck.Resolved resolved,
                                            String hl7Id, Instant now) {
        EbmsMessage message = built.message();
        String cpaId = message.header().cpaId().value();
        if (numbered == null) {
            return new SubmissionResult.Refused("NotSupported", "the CPA " + cpaId + " asks for ordered delivery"
                    + " (MessageOrderSemantics Guaranteed), which this submission path cannot number");
        }
        if (message.syncReply()) {
            return new SubmissionResult.Refused("Inconsistent", "the CPA " + cpaId + " asks for ordered delivery"
                    + " together with synchronous replies, which must not be combined (SYN-3): use syncReplyMode"
                    + " none on the channel");
        }
        try {
            numbered.sequences().insertNumbered(message.header().cpaId(), message.header().conversationId(),
                    order -> {
                        EbmsMessage ordered = message.toBuilder().messageOrder(order).build();
                        WireMessage wire = signatures.encode(ordered, resolved.agreement(), resolved.route(), codec);
                        return submitted(new OutboundMessageFactory.Built(ordered, built.terms()), resolved.route(),
                                hl7Id, wire, now, agreements.versionOf(resolved.agreement()));
                    });
        } catch (MessageSigning.SigningFailure e) {
            log.warn("could not sign a submission under {}: {}", cpaId, e.getMessage());
            return new SubmissionResult.Refused("SigningFailed", e.getMessage());
        } catch (StoreFailure e) {
            log.error("could not store a submission under {}: {}", cpaId, e.getMessage());
            return new SubmissionResult.Refused("Unavailable", "the message could not be stored: " + e.getMessage());
        }
        numbered.wake().run();
        return new SubmissionResult.Accepted(message.messageId().value(), hl7Id, OutboundState.QUEUED.code());
    }

    private List<Payload> payloads(Submission submission) {
        List<Payload> payloads = new ArrayList<>();
        for (Submission.Payload p : submission.payloads()) {
            payloads.add(new Payload(ids.newContentId(), p.contentType(), p.content()));
        }
        return payloads;
    }

    private SubmittedMessage submitted(OutboundMessageFactory.Built built, Route route, String hl7Id,
                                       WireMessage wire, Instant now, Integer cpaVersion) {
        EbmsMessage message = built.message();
        MessageHeading heading = new MessageHeading(message.header().cpaId(), message.header().conversationId(),
                message.messageId(), hl7Id, message.header().from().firstId(), message.header().to().firstId(),
                message.header().service(), message.header().action(), message.header().messageData().timestamp());
        DeliveryTerms terms = built.terms();
        return new SubmittedMessage(ids.newInternalId(), heading, terms, message.header().messageData().timeToLive(),
                null, route.endpoint().uri().toString(), wire.soapAction(), new WireBytes(wire.contentType(),
                wire.body()), now, now, cpaVersion);
    }
}
