package org.ebrelay.app.bank;

/**
 * A node's answer to one work item.
 *
 * @param outcome DONE (carried out), REFUSED (not possible as things are: {@code detail} says why) or DECLINED (a
 *                gone node's message this node cannot send, e.g. it does not act for its party: the bank offers it
 *                to the next node with the CPA)
 */
public record WorkOutcome(String outcome, String detail) {
    public static final String DONE = "DONE";
    public static final String REFUSED = "REFUSED";
    public static final String DECLINED = "DECLINED";

    public static WorkOutcome done(String detail) {
        return new WorkOutcome(DONE, detail);
    }

    public static WorkOutcome refused(String detail) {
        return new WorkOutcome(REFUSED, detail);
    }

    public static WorkOutcome declined(String detail) {
        return new WorkOutcome(DECLINED, detail);
    }

    public boolean declined() {
        return DECLINED.equals(outcome);
    }

    public boolean done() {
        return DONE.equals(outcome);
    }
}
