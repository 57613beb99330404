package org.ebrelay.adapter.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which partner hosts bypass the outbound proxy, with http.nonProxyHosts-style wildcards. */
class ProxySettingsTest {
    private final ProxySettings proxy = new ProxySettings("proxy.example", 3128,
            List.of("localhost", "*.hospital.internal", "10.*", "[::1]", "LAB.example.org"));

    @ParameterizedTest(name = "{0} bypasses: {1}")
    @CsvSource({
            "localhost, true",
            "LOCALHOST, true",
            "ebms.hospital.internal, true",
            "hospital.internal.evil.com, false",
            "10.1.2.3, true",
            "110.1.2.3, false",
            "::1, true",
            "[::1], true",
            "lab.example.org, true",
            "partner.example.org, false"})
    void aHostBypassesTheProxyOnlyWhenAPatternMatchesIt(String host, boolean bypasses) {
        assertThat(proxy.bypasses(host)).isEqualTo(bypasses);
    }
}
