package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.deliveries;
import static org.ebrelay.e2e.Observed.eventTypes;
import static org.ebrelay.e2e.Observed.eventually;
import static org.ebrelay.e2e.Observed.outbound;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.ebrelay.adapter.tls.TestKeyStores;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes over mutual TLS under a CPA that names each party's TLS client certificate (HTTP-8): messages both ways
 * complete; a node presenting another certificate, trusted by the TLS layer but not the one the CPA names, is
 * refused with a SecurityFailure; one whose certificate nobody trusts does not get past the handshake.
 */
class MutualTlsTest {
    @TempDir
    static Path keyDir;
    static TestKeyStores keys;
    static Path trust;

    @TempDir
    Path root;

    @BeforeAll
    static void makeKeys() {
        keys = new TestKeyStores(keyDir);
        keys.keyStore("stranger");
        trust = keys.trustStore("trust.p12", "hospital", "lab", "rogue");
    }

    private static UnaryOperator<GatewayConfig> tls(String keyStore, String clientAuth) {
        return config -> config.withTls(new GatewayConfig.Tls(true, keys.keyStore(keyStore), TestKeyStores.PASSWORD,
                "PKCS12", trust, TestKeyStores.PASSWORD, clientAuth, true, "none", null, Duration.ZERO,
                Duration.ofDays(30)));
    }

    private TwoNodes.Settings pair(String hospitalKey, String labClientAuth) {
        return TwoNodes.in(root)
                .cpa(cpa -> cpa.mutualTls(keys.certificateBase64("hospital"), keys.certificateBase64("lab")))
                .hospitalConfig(tls(hospitalKey, "want"))
                .labConfig(tls("lab", labClientAuth));
    }

    @Test
    void anOrderAndAResultTravelOverMutualTlsAndComplete() {
        try (TwoNodes nodes = pair("hospital", "need").start()) {
            assertThat(nodes.hospital().baseUri().getScheme()).isEqualTo("https");
            Hl7Messages.Er7 order = Hl7Messages.order();
            SubmissionResult.Accepted sent = nodes.order(order);
            awaitOutbound(nodes.hospital(), sent.messageId(), "COMPLETE");
            deliveredOnce(nodes.lab(), order);

            Hl7Messages.Er7 result = Hl7Messages.result();
            SubmissionResult.Accepted answered = nodes.result(result);
            awaitOutbound(nodes.lab(), answered.messageId(), "COMPLETE");
            deliveredOnce(nodes.hospital(), result);
        }
    }

    @Test
    void aNodePresentingACertificateTheCpaDoesNotNameIsRefusedWithASecurityFailure() {
        try (TwoNodes nodes = pair("rogue", "need").start()) {
            Hl7Messages.Er7 order = Hl7Messages.order();
            SubmissionResult.Accepted sent = nodes.order(order);

            MessageView failed = awaitOutbound(nodes.hospital(), sent.messageId(), "FAILED");

            assertThat(failed.events()).filteredOn(e -> e.type().equals("PARTNER_ERROR")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).contains("SecurityFailure", "RGH_TlsCert", "CN=rogue"));
            assertThat(deliveries(nodes.lab(), order.id())).isEmpty();
        }
    }

    @Test
    void aNodeWhoseCertificateIsNotTrustedDoesNotGetPastTheHandshake() {
        try (TwoNodes nodes = pair("stranger", "need").start()) {
            Hl7Messages.Er7 order = Hl7Messages.order();
            SubmissionResult.Accepted sent = nodes.order(order);

            MessageView retrying = eventually().until(() -> outbound(nodes.hospital(), sent.messageId()),
                    m -> m.events().stream().anyMatch(e -> e.type().equals("SEND_FAILED")));

            assertThat(retrying.state()).isNotIn("COMPLETE", "FAILED");
            assertThat(eventTypes(retrying)).doesNotContain("ACKNOWLEDGED");
            assertThat(deliveries(nodes.lab(), order.id())).isEmpty();
        }
    }
}
