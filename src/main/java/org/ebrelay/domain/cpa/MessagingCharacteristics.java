package org.ebrelay.domain.cpa;

import org.ebrelay.domain.message.Actor;

/**
 * DeliveryChannel/MessagingCharacteristics: what goes into the header of messages on the channel
 * (AckRequested, its signed flag and actor, DuplicateElimination, SyncReply). Absent attributes take the schema
 * defaults (syncReplyMode none, the others perMessage).
 *
 * @param actor the AckRequested actor (ACK-1), or null when the CPA names none
 */
public record MessagingCharacteristics(SyncReplyMode syncReplyMode, Requirement ackRequested,
                                       Requirement ackSignatureRequested, Requirement duplicateElimination,
                                       Actor actor) {
    public static final MessagingCharacteristics DEFAULTS = new MessagingCharacteristics(
            SyncReplyMode.NONE, Requirement.PER_MESSAGE, Requirement.PER_MESSAGE, Requirement.PER_MESSAGE, null);

    public MessagingCharacteristics {
        Require.nonNull(syncReplyMode, "syncReplyMode");
        Require.nonNull(ackRequested, "ackRequested");
        Require.nonNull(ackSignatureRequested, "ackSignatureRequested");
        Require.nonNull(duplicateElimination, "duplicateElimination");
        Require.that(actor == null || actor == Actor.TO_PARTY_MSH || actor == Actor.NEXT_MSH,
                "the AckRequested actor must be toPartyMSH or nextMSH: " + actor);
    }

    /** The actor acknowledgments are asked from: an absent actor means toPartyMSH (ACK-1). */
    public Actor effectiveActor() {
        return actor == null ? Actor.TO_PARTY_MSH : actor;
    }
}
