package org.ebrelay.domain.cpa;

/**
 * A DocExchange: the terms a party applies when it sends (ebXMLSenderBinding) and what it expects when it
 * receives (ebXMLReceiverBinding) on the channels that name it. An absent binding is {@link ExchangeTerms#NONE}.
 */
public record DocExchange(String docExchangeId, ExchangeTerms sender, ExchangeTerms receiver) {
    public DocExchange {
        docExchangeId = Require.nonBlank(docExchangeId, "docExchangeId");
        Require.nonNull(sender, "sender");
        Require.nonNull(receiver, "receiver");
    }
}
