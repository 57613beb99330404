package org.ebrelay.app.port.out;

import java.util.Set;

/**
 * What one claim may take per partner endpoint (pacing, issue 4): endpoints that may take nothing now are left out
 * of the claim altogether, so a held backlog is neither claimed nor handed back message by message.
 */
public interface ClaimLimits {
    /** No limits. */
    ClaimLimits NONE = new ClaimLimits() {
        @Override
        public Set<String> excludedEndpoints() {
            return Set.of();
        }

        @Override
        public int allowance(String endpointUrl) {
            return Integer.MAX_VALUE;
        }
    };

    /** Endpoint URLs (as stored with the message) that may take no message now. */
    Set<String> excludedEndpoints();

    /** How many messages for {@code endpointUrl} this claim may take at most. */
    int allowance(String endpointUrl);
}
