package org.ebrelay.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.adapter.tls.TlsSettings;
import org.ebrelay.app.AccessCheck;
import org.ebrelay.app.access.TokenAccessCheck;
import org.ebrelay.boot.config.ConfigLoader;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tls and access sections: read from the file, checked at start-up with messages in the file's terms. */
class SecuritySetupTest {
    @TempDir
    Path dir;

    @Test
    void theTlsAndAccessSectionsAreReadFromTheFile() throws Exception {
        Path keyStore = Files.writeString(dir.resolve("node.p12"), "not really");
        Path file = Files.writeString(dir.resolve("ebrelay.yaml"), """
                tls:
                  enabled: true
                  keyStore: "%s"
                  keyStorePassword: secret
                  clientAuth: need
                  revocation: crl+ocsp
                  reloadInterval: PT30S
                access:
                  tokens: [{name: his, sha256: "%s", role: submit}]
                  adminHost: 10.0.0.5
                """.formatted(keyStore, "ab".repeat(32)));

        GatewayConfig config = new ConfigLoader().load(file);
        List<String> problems = new ArrayList<>();
        SecuritySetup.check(config, problems);

        assertThat(problems).isEmpty();
        TlsSettings tls = SecuritySetup.tls(config.tls());
        assertThat(tls.serverEnabled()).isTrue();
        assertThat(tls.clientAuth()).isEqualTo(TlsSettings.ClientAuth.NEED);
        assertThat(tls.revocation()).isEqualTo(TlsSettings.Revocation.CRL_AND_OCSP);
        assertThat(tls.reloadInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(tls.hostnameVerification()).isTrue();
        assertThat(SecuritySetup.accessCheck(config.access())).isInstanceOf(TokenAccessCheck.class);
        assertThat(config.access().adminHost()).isEqualTo("10.0.0.5");
    }

    @Test
    void withoutTokensTheApisAreOpenAndWithoutAKeyStoreThereIsNoHttps() {
        GatewayConfig config = GatewayConfig.defaults();

        assertThat(SecuritySetup.accessCheck(config.access())).isSameAs(AccessCheck.PERMIT_ALL);
        assertThat(SecuritySetup.tls(config.tls()).serverEnabled()).isFalse();
    }

    @Test
    void wrongSettingsAreReportedByTheirKeys() {
        GatewayConfig.Tls tls = new GatewayConfig.Tls(true, dir.resolve("missing.p12"), "x", "PKCS12", null, null,
                "sometimes", true, "crl", null, Duration.ZERO, Duration.ofDays(30));
        GatewayConfig config = GatewayConfig.defaults().withTls(tls).withAccess(new GatewayConfig.Access(
                List.of(new GatewayConfig.ApiToken("his", "not-hex", "submit")), "127.0.0.1"));
        List<String> problems = new ArrayList<>();

        SecuritySetup.check(config, problems);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("tls: ").contains("'sometimes'"))
                .anySatisfy(p -> assertThat(p).startsWith("tls.keyStore ").contains("cannot be read"))
                .anySatisfy(p -> assertThat(p).startsWith("access.tokens: ").contains("64 hex digits"));
    }
}
