package org.ebrelay.boot.demo;

/**
 * A message the demo sent, with the last state its sending node reported. Written by the board's refresh thread,
 * read by the demo script.
 */
final class TrackedMessage {
    private final String hl7Id;
    private final DemoParty sender;
    private final String messageId;
    private volatile String state;
    private volatile int attempts;

    TrackedMessage(String hl7Id, DemoParty sender, String messageId, String state) {
        this.hl7Id = hl7Id;
        this.sender = sender;
        this.messageId = messageId;
        this.state = state;
    }

    String hl7Id() {
        return hl7Id;
    }

    DemoParty sender() {
        return sender;
    }

    String messageId() {
        return messageId;
    }

    String state() {
        return state;
    }

    int attempts() {
        return attempts;
    }

    String direction() {
        return sender.displayName() + " -> " + sender.partner().displayName();
    }

    /** The MessageId's first characters: enough to tell messages apart in a table. */
    String shortMessageId() {
        return messageId.length() <= 8 ? messageId : messageId.substring(0, 8);
    }

    /** Records what the sending node says now; true when something changed. */
    boolean update(String newState, int newAttempts) {
        boolean changed = !newState.equals(state) || newAttempts != attempts;
        state = newState;
        attempts = newAttempts;
        return changed;
    }

    boolean isComplete() {
        return "COMPLETE".equals(state);
    }

    /** A state the message will not leave without an operator (or never). */
    boolean isStuck() {
        return switch (state) {
            case "MANUAL", "FAILED", "EXPIRED", "ABANDONED" -> true;
            default -> false;
        };
    }
}
