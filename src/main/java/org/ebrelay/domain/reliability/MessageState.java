package org.ebrelay.domain.reliability;

/**
 * The state of a stored message, outbound or inbound. The stored code is the enum constant's name, spelled exactly
 * so in the database, the API, the CLI and the metrics.
 */
public sealed interface MessageState permits OutboundState, InboundState {
    /** The code stored and shown for this state: the constant's name. */
    String code();

    /** A final state never changes again. */
    boolean isFinal();

    Direction direction();
}
