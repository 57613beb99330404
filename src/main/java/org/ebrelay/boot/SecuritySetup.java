package org.ebrelay.boot;

import org.ebrelay.adapter.tls.TlsSettings;
import org.ebrelay.app.AccessCheck;
import org.ebrelay.app.access.ApiToken;
import org.ebrelay.app.access.TokenAccessCheck;
import org.ebrelay.boot.config.GatewayConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code tls} and {@code access} settings checked at start-up and turned into what the adapters take. */
final class SecuritySetup {
    private SecuritySetup() {
    }

    static void check(GatewayConfig config, List<String> problems) {
        GatewayConfig.Tls tls = config.tls();
        try {
            tls(tls);
        } catch (IllegalArgumentException e) {
            problems.add("tls: " + e.getMessage());
        }
        readable("tls.keyStore", tls.keyStore(), problems);
        readable("tls.trustStore", tls.trustStore(), problems);
        readable("tls.crlFile", tls.crlFile(), problems);
        try {
            accessCheck(config.access());
        } catch (IllegalArgumentException e) {
            problems.add("access.tokens: " + e.getMessage());
        }
    }

    static TlsSettings tls(GatewayConfig.Tls tls) {
        return new TlsSettings(tls.enabled(), tls.keyStore(), tls.keyStorePassword(), tls.keyStoreType(),
                tls.trustStore(), tls.trustStorePassword(), TlsSettings.ClientAuth.fromSetting(tls.clientAuth()),
                tls.hostnameVerification(), TlsSettings.Revocation.fromSetting(tls.revocation()), tls.crlFile(),
                tls.reloadInterval());
    }

    /** Open without tokens; else each token with its role. */
    static AccessCheck accessCheck(GatewayConfig.Access access) {
        List<GatewayConfig.ApiToken> configured = access.tokens() == null ? List.of() : access.tokens();
        if (configured.isEmpty()) {
            return AccessCheck.PERMIT_ALL;
        }
        return new TokenAccessCheck(configured.stream().map(t -> ApiToken.of(t.name(), t.sha256(), t.role()))
                .toList());
    }

    private static void readable(String key, Path file, List<String> problems) {
        if (file != null && !Files.isReadable(file)) {
            problems.add(key + " " + file.toAbsolutePath() + " cannot be read");
        }
    }
}
