package org.ebrelay.domain.cpa;

/** Whether an agreement may govern a message at a given instant (CPA-2, CPA-3), and if not, why. */
public enum Validity {
    USABLE,
    /** The status is proposed. */
    PROPOSED,
    /** The instant is before Start. */
    NOT_YET_VALID,
    /** The instant is at or after End. */
    EXPIRED
}
