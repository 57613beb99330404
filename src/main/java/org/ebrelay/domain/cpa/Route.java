package org.ebrelay.domain.cpa;

/**
 * A business message resolved against an agreement (cpa-digest §3.1): who sends it on which binding and channel,
 * who receives it on which, where it is posted and how it is packaged. The same route serves outbound messages
 * (we are the from party) and inbound ones (we are the to party).
 *
 * @param endpoint where the message is posted: the receive channel's request (or allPurpose) endpoint
 */
public record Route(PartyInfo fromParty, ActionBinding sendBinding, DeliveryChannel sendChannel,
                    PartyInfo toParty, ActionBinding receiveBinding, DeliveryChannel receiveChannel,
                    Endpoint endpoint) {
    public Route {
        Require.nonNull(fromParty, "fromParty");
        Require.nonNull(sendBinding, "sendBinding");
        Require.nonNull(sendChannel, "sendChannel");
        Require.nonNull(toParty, "toParty");
        Require.nonNull(receiveBinding, "receiveBinding");
        Require.nonNull(receiveChannel, "receiveChannel");
        Require.nonNull(endpoint, "endpoint");
    }

    /** eb:From/eb:Role. */
    public String fromRole() {
        return sendBinding.roleName();
    }

    /** eb:To/eb:Role: the role of the receive binding (§3.1 step 8). */
    public String toRole() {
        return receiveBinding.roleName();
    }

    /** The Packaging of the message (§3.1 step 7). */
    public String packageId() {
        return sendBinding.packageId();
    }

    /**
     * The characteristics that decide the header: the receiver's channel, whose expectation wins when the two
     * channels differ (§3.1 step 6).
     */
    public MessagingCharacteristics characteristics() {
        return receiveChannel.characteristics();
    }

    /** Whether the sender's and receiver's channels agree; when not, callers log a warning. */
    public boolean characteristicsAgree() {
        return sendChannel.characteristics().equals(receiveChannel.characteristics());
    }

    /** The sender's reliability and signing terms (its DocExchange's ebXMLSenderBinding). */
    public ExchangeTerms senderTerms() {
        return sendChannel.senderTerms();
    }

    /** What the receiver expects (its DocExchange's ebXMLReceiverBinding). */
    public ExchangeTerms receiverTerms() {
        return receiveChannel.receiverTerms();
    }

    /**
     * Whether messages on this route are delivered in order (eb:MessageOrder, ORD-1): MessageOrderSemantics is
     * Guaranteed in the sender's or the receiver's binding. Both nodes resolve the same route, so they agree.
     */
    public boolean ordered() {
        return senderTerms().reliability().orderGuaranteed() || receiverTerms().reliability().orderGuaranteed();
    }

    /** Whether the message is signed: non-repudiation required and a SenderNonRepudiation to sign with. */
    public boolean signed() {
        return sendBinding.nonRepudiationRequired() && senderTerms().security().signs();
    }
}
