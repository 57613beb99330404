package org.ebrelay.domain.reliability;

/** Whether a stored message was sent by this node (outbound) or received by it (inbound). */
public enum Direction {
    OUTBOUND,
    INBOUND
}
