package org.ebrelay.app.inbound;

import java.util.Objects;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.PartyInfo;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.message.PartyId;

/**
 * Who a received message is between, as its agreement knows them: the sending partner and the party of ours it is
 * addressed to, each with the PartyId the message named it by.
 *
 * @param route the business route for a user message (cpa-digest §3.1, inbound), null for an MSH-level message
 */
record Counterparts(Agreement agreement, PartyInfo sender, PartyId senderId, PartyInfo receiver, PartyId receiverId,
                    Route route) {
    Counterparts {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(receiverId, "receiverId");
    }

    Counterparts withRoute(Route resolved) {
        return new Counterparts(agreement, sender, senderId, receiver, receiverId, resolved);
    }

    /** Where replies to the sender go: from our party to theirs under this agreement. */
    ReplyAddress replyAddress() {
        return new ReplyAddress(agreement, receiverId, senderId);
    }
}
