package org.ebrelay.domain.cpa;

/**
 * A DeliveryChannel with its Transport and DocExchange resolved: everything about how a message on this
 * channel is sent or received (cpa-digest §3.1 steps 5 and 6).
 */
public record DeliveryChannel(String channelId, MessagingCharacteristics characteristics, Transport transport,
                              DocExchange docExchange) {
    public DeliveryChannel {
        channelId = Require.nonBlank(channelId, "channelId");
        Require.nonNull(characteristics, "characteristics");
        Require.nonNull(transport, "transport");
        Require.nonNull(docExchange, "docExchange");
    }

    /** What this party applies when it sends on the channel (ebXMLSenderBinding). */
    public ExchangeTerms senderTerms() {
        return docExchange.sender();
    }

    /** What this party expects when it receives on the channel (ebXMLReceiverBinding). */
    public ExchangeTerms receiverTerms() {
        return docExchange.receiver();
    }
}
