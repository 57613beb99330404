package org.ebrelay.app.portal;

/** A user-management request that cannot be carried out; {@link #kind} says how the API answers it. */
public final class AccountProblem extends RuntimeException {
    /** Why: a bad value, an unknown user, or a conflict with the users that exist. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;

    public AccountProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
