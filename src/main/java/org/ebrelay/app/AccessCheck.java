package org.ebrelay.app;

/**
 * Decides whether a caller of the node's API (REST, SOAP) may perform an operation. The seam for the security
 * issue: today every request is allowed and the bearer token is only carried.
 */
@FunctionalInterface
public interface AccessCheck {
    /** Allows everything; the token is ignored. */
    AccessCheck PERMIT_ALL = (bearerToken, operation) -> true;

    /**
     * @param bearerToken the token of an {@code Authorization: Bearer} header, or null when there is none
     * @param operation   what is asked, e.g. {@code POST /api/messages} or {@code soap:SubmitMessage}
     */
    boolean permits(String bearerToken, String operation);
}
