package org.ebrelay.app.signing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.outbound.AckCheck;
import org.ebrelay.app.outbound.ResignHook;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.cpa.Requirement;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.SignatureReference;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.MessageSigning;
import org.ebrelay.app.port.out.MessageSigning.SigningFailure;
import org.ebrelay.app.port.out.SentPackages;
import org.ebrelay.app.port.out.SignatureCheck;
import org.ebrelay.app.port.out.VerificationOrder;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.DeliveryChannel;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;

/**
 * Signing and checking messages as their CPA asks, for the use cases: a business message is signed when its route
 * says so (SIG-1), a signed Acknowledgment with our MSH channel's terms (ACK-7), a regenerated message again (its
 * old signature covers its old MessageId). {@link #DISABLED} signs nothing and checks nothing (unit tests of other
 * parts); a node always has signing enabled, even without a keystore, because checking needs only the CPA.
 */
public final class Signatures {
    public static final Signatures DISABLED = new Signatures(null, new SigningPolicy(false));

    private final MessageSigning signing;
    private final SigningPolicy policy;
    private final SentPackages sent;

    public Signatures(MessageSigning signing, SigningPolicy policy) {
        this(signing, policy, SentPackages.NONE);
    }

    private Signatures(MessageSigning signing, SigningPolicy policy, SentPackages sent) {
        this.signing = signing;
        this.policy = policy;
        this.sent = sent;
    }

    /** The same, reading what we sent under a MessageId from {@code packages} to check asynchronous acks. */
    public Signatures withSentPackages(SentPackages packages) {
        return new Signatures(signing, policy, packages);
    }

    /** The package we sent under {@code messageId}, when kept. */
    public Optional<WireBytes> sentUnder(MessageId messageId) {
        return sent.sentUnder(messageId);
    }

    public boolean enabled() {
        return signing != null;
    }

    /**
     * A business message encoded for the wire, signed when the route asks for it.
     *
     * @throws SigningFailure when it must be signed and cannot be
     */
    public WireMessage encode(EbmsMessage message, Agreement agreement, Route route, MessageCodec codec) {
        if (!route.signed()) {
            return codec.encode(message);
        }
        return sign(message, agreement, route.sendChannel());
    }

    /**
     * A message signed on our channel {@code channel}.
     *
     * @throws SigningFailure when the channel has no signing terms or the key is missing
     */
    public WireMessage sign(EbmsMessage message, Agreement agreement, DeliveryChannel channel) {
        if (signing == null) {
            throw new SigningFailure("XML signatures are not enabled on this node", null);
        }
        if (!channel.senderTerms().security().signs()) {
            throw new SigningFailure("CPA " + agreement.cpaId() + " gives channel " + channel.channelId()
                    + " no SenderNonRepudiation to sign with", null);
        }
        return signing.encodeSigned(message, policy.signingOrder(agreement, channel));
    }

    /**
     * Checks a received message sent on {@code senderChannel} (the partner's) to our {@code receiverChannel}. A
     * signature that is present is always checked; {@code required} also fails a message without one.
     */
    public SignatureCheck verify(WireMessage wire, EbmsMessage message, Agreement agreement,
                                 DeliveryChannel senderChannel, DeliveryChannel receiverChannel, boolean required,
                                 Instant at) {
        if (signing == null || !required && !message.signed()) {
            return SignatureCheck.UNSIGNED;
        }
        VerificationOrder order = policy.verificationOrder(agreement, senderChannel, receiverChannel, required, at);
        if (!required && order.signerCertificates().isEmpty() && order.trustAnchors().isEmpty()) {
            // signed though the CPA neither asks for it nor names a certificate to check it with: not checkable
            return new SignatureCheck(true, null, null, List.of());
        }
        return signing.verify(wire, message, order);
    }

    /**
     * Checks an MSH-level message (an Acknowledgment, ...) from {@code sender} to {@code receiver}: against the
     * sender's MSH channel for its action and ours. Passes unsigned when neither a signature is there nor required.
     */
    public SignatureCheck verifyMsh(WireMessage wire, EbmsMessage message, Agreement agreement, PartyId sender,
                                    PartyId receiver, boolean required, Instant at) {
        String action = message.header().action();
        Optional<DeliveryChannel> senderChannel = agreement.mshChannel(sender, action);
        Optional<DeliveryChannel> receiverChannel = agreement.mshChannel(receiver, action);
        if (senderChannel.isEmpty() || receiverChannel.isEmpty()) {
            return SignatureCheck.UNSIGNED;
        }
        return verify(wire, message, agreement, senderChannel.get(), receiverChannel.get(), required, at);
    }

    /**
     * ACK-8 for an Acknowledgment on the response of a send: when it carries ds:References (a signed ack) or the
     * CPA asks for signed acks on the message's route, it must carry a signature that verifies.
     */
    public AckCheck ackCheck(AgreementRegistry agreements) {
        return (sent, wire, ack, at) -> ackProblem(agreements, sent.heading(), sent.wire(), wire, ack, at);
    }

    /**
     * Why {@code ack} (received as {@code ackWire}) does not vouch for the message {@code sent} we sent as
     * {@code sentWire} (null: not known any more), or empty when it does (ACK-8): when it carries ds:References or
     * the CPA asks for signed acks on the message's route, it must be signed by the partner's MSH signing
     * certificate and copy, with the same digest, every ds:Reference of the signature we sent.
     */
    public Optional<String> ackProblem(AgreementRegistry agreements, MessageHeading sent, WireBytes sentWire,
                                       WireMessage ackWire, EbmsMessage ack, Instant at) {
        Optional<Agreement> agreement = agreements.find(ack.header().cpaId());
        if (agreement.isEmpty()) {
            return Optional.of("CPA " + ack.header().cpaId() + " is not loaded");
        }
        boolean asked = agreement.get().route(sent.from(), null, sent.to(), sent.service(), sent.action())
                .map(r -> r.characteristics().ackSignatureRequested() == Requirement.ALWAYS).orElse(false);
        boolean references = ack.acknowledgment() != null && !ack.acknowledgment().references().isEmpty();
        SignatureCheck check = verifyMsh(ackWire, ack, agreement.get(), sent.to(), sent.from(),
                asked || references, at);
        if (!check.passed()) {
            return Optional.ofNullable(check.failure());
        }
        if (asked && !references) {
            return Optional.of("it carries no ds:Reference copies of the message we signed, and the CPA asks for"
                    + " a signed Acknowledgment (ackSignatureRequested)");
        }
        if (!references) {
            return Optional.empty();
        }
        if (sentWire == null) {
            return Optional.of("the package sent under " + sent.messageId() + " is not kept, so its digests cannot"
                    + " be compared");
        }
        return missingCopies(ack.acknowledgment().references(),
                signing.references(new WireMessage(sentWire.contentType(), null, sentWire.body())));
    }

    /**
     * Whether an Acknowledgment under {@code agreement} must be looked at against the message it acknowledges: it
     * is signed or carries ds:References, or some channel of the agreement asks for signed acks.
     */
    public boolean ackNeedsChecking(EbmsMessage ack, Agreement agreement) {
        if (signing == null) {
            return false;
        }
        if (ack.signed() || ack.acknowledgment() != null && !ack.acknowledgment().references().isEmpty()) {
            return true;
        }
        return agreement.parties().stream().flatMap(p -> p.channels().stream())
                .anyMatch(c -> c.characteristics().ackSignatureRequested() == Requirement.ALWAYS);
    }

    /**
     * ACK-8: a signed ack holds a copy of each ds:Reference of the signature we sent, with the same digest; one
     * that is missing or differs means the partner acknowledges other content than we sent.
     */
    private static Optional<String> missingCopies(List<SignatureReference> copies, List<SignatureReference> sent) {
        for (SignatureReference ours : sent) {
            boolean copied = copies.stream().anyMatch(c -> c.uri().equals(ours.uri())
                    && c.digestValue() != null && c.digestValue().trim().equals(ours.digestValue()));
            if (!copied) {
                return Optional.of("its ds:Reference copies do not include the digest we signed for '"
                        + ours.uri() + "'");
            }
        }
        return Optional.empty();
    }

    /** Re-signs a message whose MessageId was regenerated, when its route is signed; else sends it as encoded. */
    public ResignHook resignHook(AgreementRegistry agreements) {
        return (message, encoded) -> {
            Optional<Agreement> agreement = agreements.find(message.header().cpaId());
            Optional<Route> route = agreement.flatMap(a -> routeOf(a, message.header()));
            if (route.isEmpty() || !route.get().signed()) {
                return encoded;
            }
            return sign(message, agreement.get(), route.get().sendChannel());
        };
    }

    private static Optional<Route> routeOf(Agreement agreement, MessageHeader header) {
        return agreement.route(header.from().firstId(), header.from().role(), header.to().firstId(),
                header.to().role(), header.service(), header.action());
    }
}
