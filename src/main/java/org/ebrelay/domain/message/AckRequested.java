package org.ebrelay.domain.message;

import java.util.Objects;

/**
 * eb:AckRequested: the sender asks for an Acknowledgment.
 *
 * @param actor  who should acknowledge; an absent actor on the wire means {@link Actor#TO_PARTY_MSH}
 * @param signed whether a signed Acknowledgment is asked for
 */
public record AckRequested(Actor actor, boolean signed) {
    public AckRequested {
        Objects.requireNonNull(actor, "actor");
    }

    public static AckRequested toPartyMsh(boolean signed) {
        return new AckRequested(Actor.TO_PARTY_MSH, signed);
    }
}
