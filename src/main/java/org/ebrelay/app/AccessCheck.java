package org.ebrelay.app;

/**
 * Decides whether a caller of the node's API (REST, SOAP) may perform an operation: {@link #PERMIT_ALL} when no
 * API tokens are configured, else {@link org.ebrelay.app.access.TokenAccessCheck} (docs/security.md).
 */
@FunctionalInterface
public interface AccessCheck {
    /** Allows everything; the token is ignored. */
    AccessCheck PERMIT_ALL = (bearerToken, operation) -> true;

    /**
     * @param bearerToken the token of an {@code Authorization: Bearer} header, or null when there is none
     * @param operation   what is asked, e.g. {@code POST /messages} or {@code soap:SubmitMessage}
     */
    boolean permits(String bearerToken, String operation);

    /** Why a request may or may not proceed: 401 (who are you?) differs from 403 (not you). */
    default Verdict decide(String bearerToken, String operation) {
        return permits(bearerToken, operation) ? Verdict.ALLOWED : Verdict.UNAUTHENTICATED;
    }

    /** Who presents {@code bearerToken}, for the audit log ("token NAME (role)"), or null when not known. */
    default String caller(String bearerToken) {
        return null;
    }

    /** The role of the token, or null when it is not known (or the API is open). */
    default org.ebrelay.app.access.Role roleOf(String bearerToken) {
        return null;
    }

    enum Verdict {
        ALLOWED,
        /** No token, or one the node does not know. */
        UNAUTHENTICATED,
        /** A known token whose role does not cover the operation. */
        FORBIDDEN
    }
}
