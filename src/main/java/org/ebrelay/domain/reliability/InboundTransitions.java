package org.ebrelay.domain.reliability;

/**
 * Which inbound state changes are allowed: RECEIVED -> DELIVERED (the application confirmed it) and
 * RECEIVED -> REJECTED (refused after storing). DELIVERED, REJECTED and DUPLICATE are final. A message refused before
 * it is stored is registered directly as REJECTED, and an HL7 duplicate directly as DUPLICATE: neither is a
 * transition.
 */
public final class InboundTransitions {
    private InboundTransitions() {
    }

    public static boolean isAllowed(InboundState from, InboundState to) {
        return from == InboundState.RECEIVED && (to == InboundState.DELIVERED || to == InboundState.REJECTED);
    }

    /** @throws IllegalArgumentException when the change is not allowed */
    public static void requireAllowed(InboundState from, InboundState to) {
        if (!isAllowed(from, to)) {
            throw new IllegalArgumentException("inbound transition not allowed: " + from + " -> " + to);
        }
    }
}
