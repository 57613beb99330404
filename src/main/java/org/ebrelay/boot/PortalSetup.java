package org.ebrelay.boot;

import org.ebrelay.adapter.portal.Portal;
import org.ebrelay.app.AccessCheck;
import org.ebrelay.app.portal.PortalSettings;
import org.ebrelay.app.portal.SessionTokens;
import org.ebrelay.boot.config.GatewayConfig;

import javax.sql.DataSource;
import java.time.Clock;

/** Builds the Message Bank portal (users, sessions, the access filter, the pages) from its configuration. */
final class PortalSetup {
    private PortalSetup() {
    }

    static Portal create(GatewayConfig.Portal config, GatewayConfig.Bank bank, DataSource bankDatabase, Clock clock) {
        return new Portal(bankDatabase, settings(config), config.passwordCost(), nodeAccess(bank.token()), clock);
    }

    static PortalSettings settings(GatewayConfig.Portal config) {
        if (config.passwordCost() < 4 || config.passwordCost() > 31) {
            throw new StartupException("portal.passwordCost must be 4-31 (12 by default; below 10 only for tests): "
                    + config.passwordCost());
        }
        try {
            return new PortalSettings(config.sessionIdleTimeout(), config.sessionMaxAge(), config.maxFailedSignIns(),
                    config.lockout(), config.minPasswordLength());
        } catch (IllegalArgumentException e) {
            throw new StartupException("portal: " + e.getMessage(), e);
        }
    }

    /**
     * The node channel: with {@code bank.token} set, a node must send it as its bearer token; without, any caller
     * may feed the bank (a bank on loopback or a closed network; the security issue brings API tokens).
     */
    static AccessCheck nodeAccess(String token) {
        if (token == null || token.isBlank()) {
            return AccessCheck.PERMIT_ALL;
        }
        return (bearer, operation) -> SessionTokens.same(token, bearer);
    }
}
