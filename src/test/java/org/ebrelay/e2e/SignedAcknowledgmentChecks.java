package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.eventually;
import static org.ebrelay.e2e.Observed.outbound;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.ebrelay.adapter.xmldsig.TestKeys;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.e2e.FaultProxy.Body;
import org.junit.jupiter.api.Test;

/**
 * A hospital and a laboratory under a CPA that asks for signed messages and signed acknowledgments; the laboratory's
 * Acknowledgments pass a {@link FaultProxy} that forges them (a misbehaving partner MSH). The hospital must not take
 * a forged ack as completing its order: the order stays unacknowledged with the reason on its timeline, and once the
 * partner sends a proper ack again (the proxy stops forging; the order's resend is acknowledged), it completes and
 * was delivered once. The subclasses carry the ack on the HTTP response or in a POST of its own.
 */
abstract class SignedAcknowledgmentChecks {
    /** The pair; the hospital resends every second. */
    abstract TwoNodes nodes();

    /** Makes the laboratory's Acknowledgments pass {@code forgery} on their way to the hospital. */
    abstract void forgeAcks(UnaryOperator<Body> forgery);

    /** The event type the hospital records for a refused ack. */
    abstract String refusalEvent();

    static TwoNodes.Settings signedPair(Path root) throws Exception {
        String alpha = Files.readString(Path.of("src/test/resources/signing/alpha-signing.b64"));
        String beta = Files.readString(Path.of("src/test/resources/signing/beta-signing.b64"));
        return TwoNodes.in(root)
                .hospitalConfig(c -> c.withSigning(keystore("alpha")))
                .labConfig(c -> c.withSigning(keystore("beta")))
                .cpa(cpa -> cpa.retries(30, Duration.ofSeconds(1)).signed(alpha, beta, true));
    }

    private static GatewayConfig.Signing keystore(String name) {
        return new GatewayConfig.Signing(TestKeys.keystore(name), "PKCS12", "changeit", false);
    }

    @Test
    void an_unsigned_acknowledgment_does_not_complete_the_order_where_the_cpa_asks_for_a_signed_one() {
        refusedThenCompleted(AckForgeries.unsigned(), "requires a signed message");
    }

    @Test
    void an_acknowledgment_whose_signature_does_not_verify_does_not_complete_the_order() {
        refusedThenCompleted(AckForgeries.tampered(), "does not verify");
    }

    @Test
    void an_acknowledgment_signed_by_a_key_the_cpa_does_not_name_does_not_complete_the_order() {
        refusedThenCompleted(AckForgeries.signedByAnotherKey(), "CN=mallory");
    }

    @Test
    void an_acknowledgment_vouching_for_other_digests_than_we_signed_does_not_complete_the_order() {
        refusedThenCompleted(AckForgeries.otherDigests(), "do not include the digest we signed");
    }

    private void refusedThenCompleted(UnaryOperator<Body> forgery, String why) {
        forgeAcks(forgery);
        Hl7Messages.Er7 order = Hl7Messages.order();
        SubmissionResult.Accepted accepted;
        MessageView refused;
        try {
            accepted = nodes().order(order);
            refused = eventually().until(() -> outbound(nodes().hospital(), accepted.messageId()),
                    m -> m.events().stream().anyMatch(e -> e.detail() != null && e.detail().contains(why)));
        } finally {
            forgeAcks(UnaryOperator.identity());
        }
        MessageView.Event event = refused.events().stream().filter(e -> e.detail().contains(why)).findFirst()
                .orElseThrow();
        assertThat(event.type()).isEqualTo(refusalEvent());
        assertThat(event.detail()).contains("SecurityFailure", "the Acknowledgment is refused");
        assertThat(refused.events()).noneMatch(e -> e.type().equals("ACKNOWLEDGED"));

        MessageView completed = awaitOutbound(nodes().hospital(), accepted.messageId(), "COMPLETE");
        assertThat(completed.attempts()).as("resent after the forged ack").isGreaterThan(1);
        deliveredOnce(nodes().lab(), order);
    }
}
