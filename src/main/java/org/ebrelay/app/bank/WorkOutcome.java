package org.ebrelay.app.bank;

/**
 * A node's answer to one work item.
 *
 * @param outcome DONE (carried out) or REFUSED (not possible as things are: {@code detail} says why)
 */
public record WorkOutcome(String outcome, String detail) {
    public static final String DONE = "DONE";
    public static final String REFUSED = "REFUSED";

    public static WorkOutcome done(String detail) {
        return new WorkOutcome(DONE, detail);
    }

    public static WorkOutcome refused(String detail) {
        return new WorkOutcome(REFUSED, detail);
    }

    public boolean done() {
        return DONE.equals(outcome);
    }
}
