package org.ebrelay.app.inbound;

import java.util.Objects;
import java.util.Optional;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.PartyInfo;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;

/**
 * Who an asynchronous MSH reply goes from and to under an agreement; the endpoint follows from the action
 * (cpa-digest §3.2: the partner's MSH channel for it, an error endpoint for MessageError).
 *
 * @param us   our party, the To of the message answered
 * @param them the partner, the From of the message answered
 */
record ReplyAddress(Agreement agreement, PartyId us, PartyId them) {
    ReplyAddress {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(us, "us");
        Objects.requireNonNull(them, "them");
    }

    /**
     * The address of an answer to a message that may not have passed validation: its From must be a party of the
     * agreement (else there is nobody to address, ERR-4); our side is its To when the agreement knows it, else the
     * other party.
     */
    static Optional<ReplyAddress> lenient(Agreement agreement, MessageHeader answered) {
        if (agreement == null) {
            return Optional.empty();
        }
        Optional<PartyId> them = knownId(agreement, answered.from());
        if (them.isEmpty()) {
            return Optional.empty();
        }
        PartyInfo theirParty = agreement.party(them.get()).orElseThrow();
        PartyId us = knownId(agreement, answered.to())
                .filter(id -> !theirParty.isIdentifiedBy(id))
                .orElseGet(() -> agreement.otherParty(theirParty).firstPartyId());
        return Optional.of(new ReplyAddress(agreement, us, them.get()));
    }

    /** The first PartyId of {@code party} that names a party of the agreement. */
    static Optional<PartyId> knownId(Agreement agreement, Party party) {
        return party.partyIds().stream().filter(id -> agreement.party(id).isPresent()).findFirst();
    }
}
