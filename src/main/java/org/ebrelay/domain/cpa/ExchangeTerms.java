package org.ebrelay.domain.cpa;

/** One ebXMLSenderBinding or ebXMLReceiverBinding of a DocExchange: its reliability and security terms. */
public record ExchangeTerms(ReliabilityTerms reliability, SecurityTerms security) {
    /** What an absent binding means: best effort, unsigned. */
    public static final ExchangeTerms NONE = new ExchangeTerms(ReliabilityTerms.BEST_EFFORT, SecurityTerms.NONE);

    public ExchangeTerms {
        Require.nonNull(reliability, "reliability");
        Require.nonNull(security, "security");
    }
}
