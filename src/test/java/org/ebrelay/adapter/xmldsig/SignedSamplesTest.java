package org.ebrelay.adapter.xmldsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.EnvelopePart;
import org.ebrelay.adapter.soap.WireInputs;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.SignatureCheck;
import org.ebrelay.app.port.out.VerificationOrder;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The signed samples (NAV 04 and 09) carry placeholders for digests, signature values and certificates: checking them
 * ends in a SecurityFailure that says why, never in an exception. With their signature replaced by a real one, the
 * same envelopes sign and verify both ways; so do the unsigned samples with payloads (NHS 01, Hermes 02).
 */
class SignedSamplesTest {
    private static final Path SAMPLES = Path.of("/work/shared/spec/samples");
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private final XmlDsigSigning signing = new XmlDsigSigning(new org.ebrelay.adapter.soap.EbmsEncoder(),
            TestKeys.signingKeys("alpha"));
    private final EnvelopeSigner signer = new EnvelopeSigner();

    private static WireMessage sample(String name) throws Exception {
        Path file = SAMPLES.resolve(name);
        Assumptions.assumeTrue(Files.exists(file), "samples not present");
        return WireInputs.read(file);
    }

    private static VerificationOrder anySigner() {
        return new VerificationOrder(List.of(TestKeys.der("alpha")), List.of(), List.of(RSA_SHA256), true,
                Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void the_signed_message_sample_fails_its_check_with_a_reason_because_of_its_placeholders() throws Exception {
        WireMessage wire = sample("09-nav-signed-message-ackrequested-signed.xml");
        EbmsMessage message = new EbmsDecoder().decode(wire).message();

        SignatureCheck check = signing.verify(wire, message, anySigner());

        assertThat(message.signed()).isTrue();
        assertThat(check.signed()).isTrue();
        assertThat(check.passed()).isFalse();
        assertThat(check.location()).startsWith("//Header/Signature");
        assertThat(check.failure()).isNotBlank();
    }

    @Test
    void the_signed_acknowledgment_sample_fails_its_check_with_a_reason() throws Exception {
        WireMessage wire = sample("04-nav-signed-acknowledgment-with-ds-reference.xml");
        Decoded decoded = new EbmsDecoder(new EbmsDecoder.Options(1 << 20, false)).decode(wire);

        SignatureCheck check = signing.verify(wire, decoded.message(), anySigner());

        assertThat(decoded.message().acknowledgment().references()).isNotEmpty();
        assertThat(check.signed()).isTrue();
        assertThat(check.passed()).isFalse();
        assertThat(check.failure()).isNotBlank();
    }

    @Test
    void the_nav_message_envelope_signed_for_real_verifies_with_the_independent_verifier_and_with_ebrelay()
            throws Exception {
        WireMessage wire = sample("09-nav-signed-message-ackrequested-signed.xml");
        String envelope = new String(wire.body(), StandardCharsets.UTF_8)
                .replaceAll("(?s)<ds:Signature .*</ds:Signature>", "");
        EbmsMessage message = new EbmsDecoder(new EbmsDecoder.Options(1 << 20, false))
                .decode(new WireMessage(wire.contentType(), null, envelope.getBytes(StandardCharsets.UTF_8))).message();

        byte[] signed = signer.sign(envelope.getBytes(StandardCharsets.UTF_8), List.of(),
                TestKeys.privateKey("alpha"), TestKeys.certificate("alpha"), RSA_SHA256, SHA256);

        assertThat(JdkXmlDsig.verifies(signed, java.util.Map.of(), TestKeys.certificate("alpha").getPublicKey()))
                .isTrue();
        SignatureCheck check = signing.verify(new WireMessage("text/xml", null, signed), message, anySigner());
        assertThat(check.passed()).as(check.failure()).isTrue();
    }

    @Test
    void the_unsigned_samples_with_payloads_sign_and_verify_with_a_reference_per_part() throws Exception {
        for (String name : List.of("01-nhs-spine-hl7v3-request-with-payload.mime",
                "02-hermes-http-post-message-with-payload.http")) {
            WireMessage wire = sample(name);
            EbmsMessage message = new EbmsDecoder(new EbmsDecoder.Options(1 << 20, false)).decode(wire).message();
            byte[] signed = signer.sign(EnvelopePart.of(wire).orElseThrow(), message.payloads(),
                    TestKeys.privateKey("alpha"), TestKeys.certificate("alpha"), RSA_SHA256, SHA256);

            SignatureCheck check = signing.verify(new org.ebrelay.adapter.soap.EbmsEncoder().packaged(signed,
                    message.payloads()), message, anySigner());

            assertThat(check.passed()).as(name + ": " + check.failure()).isTrue();
            assertThat(check.references()).as(name).hasSize(1 + message.payloads().size());
            assertThat(JdkXmlDsig.verifies(signed, EbmsSignatureInteropTest.byCid(message.payloads()),
                    TestKeys.certificate("alpha").getPublicKey())).as(name).isTrue();
        }
    }
}
