package org.ebrelay.adapter.xmldsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.soap.EncoderFixtures;
import org.ebrelay.adapter.soap.EnvelopePart;
import org.ebrelay.app.port.out.MessageSigning;
import org.ebrelay.app.port.out.SignatureCheck;
import org.ebrelay.app.port.out.SigningOrder;
import org.ebrelay.app.port.out.VerificationOrder;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.Payload;
import org.junit.jupiter.api.Test;

class EbmsSignatureInteropTest {
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final EbmsEncoder encoder = new EbmsEncoder();
    private final XmlDsigSigning alpha = new XmlDsigSigning(encoder, TestKeys.signingKeys("alpha"));
    private final EbmsMessage message = EncoderFixtures.userMessageWithTwoPayloads();

    static SigningOrder signAs(String name) {
        return new SigningOrder(TestKeys.der(name), name + "-cert", RSA_SHA256, SHA256);
    }

    static VerificationOrder expect(String name) {
        return new VerificationOrder(List.of(TestKeys.der(name)), List.of(), List.of(RSA_SHA256), true, NOW);
    }

    @Test
    void a_message_signed_by_ebrelay_verifies_with_the_jdk_xml_signature_api() throws Exception {
        WireMessage signed = alpha.encodeSigned(message, signAs("alpha"));

        byte[] envelope = EnvelopePart.of(signed).orElseThrow();
        assertThat(new String(envelope, StandardCharsets.UTF_8)).contains("<ds:Signature", "URI=\"cid:",
                "xmlns:SOAP=\"http://schemas.xmlsoap.org/soap/envelope/\"", "enveloped-signature");
        assertThat(JdkXmlDsig.verifies(envelope, byCid(message.payloads()),
                TestKeys.certificate("alpha").getPublicKey())).isTrue();
    }

    @Test
    void a_message_signed_with_the_jdk_xml_signature_api_passes_ebrelays_check() throws Exception {
        byte[] envelope = JdkXmlDsig.sign(encoder.envelope(message), byCid(message.payloads()),
                TestKeys.privateKey("beta"), TestKeys.certificate("beta"));

        SignatureCheck check = alpha.verify(encoder.packaged(envelope, message.payloads()), message, expect("beta"));

        assertThat(check.passed()).as(check.failure()).isTrue();
        assertThat(check.signed()).isTrue();
        assertThat(check.references()).extracting(r -> r.uri()).containsExactly("",
                "cid:" + message.payloads().get(0).contentId(), "cid:" + message.payloads().get(1).contentId());
    }

    @Test
    void ebrelay_verifies_its_own_signature_and_copies_the_references() {
        SignatureCheck check = alpha.verify(alpha.encodeSigned(message, signAs("alpha")), message, expect("alpha"));

        assertThat(check.passed()).as(check.failure()).isTrue();
        assertThat(check.references()).hasSize(3);
        assertThat(check.references().get(0).transforms()).containsExactly(
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/TR/1999/REC-xpath-19991116",
                "http://www.w3.org/TR/2001/REC-xml-c14n-20010315");
        assertThat(check.references().get(0).xpath()).isEqualTo(EnvelopeSigner.ACTOR_FILTER);
        assertThat(check.references().get(1).digestMethod()).isEqualTo(SHA256);
    }

    @Test
    void the_references_of_a_message_we_sent_are_read_back_as_a_signed_ack_must_copy_them() {
        WireMessage signed = alpha.encodeSigned(message, signAs("alpha"));

        assertThat(alpha.references(signed)).isEqualTo(alpha.verify(signed, message, expect("alpha")).references());
        assertThat(alpha.references(encoder.encode(message))).isEmpty();
    }

    @Test
    void a_changed_header_is_detected() {
        WireMessage signed = alpha.encodeSigned(message, signAs("alpha"));
        String envelope = new String(EnvelopePart.of(signed).orElseThrow(), StandardCharsets.UTF_8);
        String tampered = envelope.replace(EncoderFixtures.CONVERSATION.value(), "c0ffee00-1111-2222-3333-444455556667");
        assertThat(tampered).isNotEqualTo(envelope);

        SignatureCheck check = alpha.verify(encoder.packaged(tampered.getBytes(StandardCharsets.UTF_8),
                message.payloads()), message, expect("alpha"));

        assertThat(check.passed()).isFalse();
        assertThat(check.failure()).contains("does not verify");
    }

    @Test
    void a_changed_payload_byte_is_detected() {
        WireMessage signed = alpha.encodeSigned(message, signAs("alpha"));
        List<Payload> payloads = List.of(flipFirstByte(message.payloads().get(0)), message.payloads().get(1));

        SignatureCheck check = alpha.verify(encoder.packaged(EnvelopePart.of(signed).orElseThrow(), payloads),
                withPayloads(payloads), expect("alpha"));

        assertThat(check.passed()).isFalse();
        assertThat(check.failure()).contains("does not verify");
    }

    @Test
    void a_changed_second_attachment_is_detected() {
        WireMessage signed = alpha.encodeSigned(message, signAs("alpha"));
        List<Payload> payloads = List.of(message.payloads().get(0), flipFirstByte(message.payloads().get(1)));

        SignatureCheck check = alpha.verify(encoder.packaged(EnvelopePart.of(signed).orElseThrow(), payloads),
                withPayloads(payloads), expect("alpha"));

        assertThat(check.passed()).isFalse();
    }

    @Test
    void an_extra_unsigned_attachment_is_refused() {
        WireMessage signed = alpha.encodeSigned(message, signAs("alpha"));
        List<Payload> payloads = new java.util.ArrayList<>(message.payloads());
        payloads.add(Payload.text("smuggled@example.org", "text/plain", "extra"));

        SignatureCheck check = alpha.verify(encoder.packaged(EnvelopePart.of(signed).orElseThrow(), payloads),
                withPayloads(payloads), expect("alpha"));

        assertThat(check.failure()).contains("cid:smuggled@example.org is not covered");
    }

    @Test
    void a_signature_by_a_key_the_cpa_does_not_name_is_refused() {
        XmlDsigSigning mallory = new XmlDsigSigning(encoder, TestKeys.signingKeys("mallory"));

        SignatureCheck check = alpha.verify(mallory.encodeSigned(message, signAs("mallory")), message,
                expect("alpha"));

        assertThat(check.failure()).contains("CN=mallory", "does not name");
        assertThat(check.location()).isEqualTo("//Header/Signature/KeyInfo");
    }

    @Test
    void a_signature_by_another_key_under_the_expected_certificate_does_not_verify() throws Exception {
        byte[] forged = JdkXmlDsig.sign(encoder.envelope(message), byCid(message.payloads()),
                TestKeys.privateKey("mallory"), TestKeys.certificate("alpha"));

        SignatureCheck check = alpha.verify(encoder.packaged(forged, message.payloads()), message, expect("alpha"));

        assertThat(check.failure()).contains("does not verify");
    }

    @Test
    void a_missing_signature_fails_only_where_the_cpa_requires_one() {
        WireMessage unsigned = encoder.encode(message);
        VerificationOrder optional = new VerificationOrder(List.of(TestKeys.der("alpha")), List.of(),
                List.of(RSA_SHA256), false, NOW);

        assertThat(alpha.verify(unsigned, message, expect("alpha")).failure()).contains("requires a signed message");
        assertThat(alpha.verify(unsigned, message, optional)).isEqualTo(SignatureCheck.UNSIGNED);
    }

    @Test
    void a_signature_method_the_cpa_does_not_allow_is_refused() {
        WireMessage sha1 = alpha.encodeSigned(message, new SigningOrder(TestKeys.der("alpha"), "a", RSA_SHA1, SHA256));

        SignatureCheck check = alpha.verify(sha1, message, expect("alpha"));

        assertThat(check.failure()).contains("rsa-sha1", "not one the CPA allows");
        assertThat(check.location()).endsWith("SignatureMethod/@Algorithm");
    }

    @Test
    void legacy_rsa_sha1_verifies_where_it_is_allowed() {
        WireMessage sha1 = alpha.encodeSigned(message, new SigningOrder(TestKeys.der("alpha"), "a", RSA_SHA1, SHA256));

        SignatureCheck check = alpha.verify(sha1, message, new VerificationOrder(List.of(TestKeys.der("alpha")),
                List.of(), List.of(RSA_SHA256, RSA_SHA1), true, NOW));

        assertThat(check.passed()).as(check.failure()).isTrue();
    }

    @Test
    void elements_addressed_to_the_next_msh_are_outside_the_signature() {
        WireMessage signed = alpha.encodeSigned(message, signAs("alpha"));
        String envelope = new String(EnvelopePart.of(signed).orElseThrow(), StandardCharsets.UTF_8);
        // the fixture's SyncReply has SOAP:actor="…/actor/next": an intermediary may change or drop it
        String hopChanged = envelope.replaceFirst("(<eb:SyncReply[^>]*)/>", "$1></eb:SyncReply>")
                .replaceFirst("<eb:SyncReply ", "<eb:SyncReply eb:id=\"hop\" ");
        assertThat(hopChanged).isNotEqualTo(envelope);

        SignatureCheck check = alpha.verify(encoder.packaged(hopChanged.getBytes(StandardCharsets.UTF_8),
                message.payloads()), message, expect("alpha"));

        assertThat(check.passed()).as(check.failure()).isTrue();
    }

    @Test
    void signing_with_a_certificate_that_has_no_key_in_the_keystore_fails_clearly() {
        assertThatThrownBy(() -> alpha.encodeSigned(message, signAs("beta")))
                .isInstanceOf(MessageSigning.SigningFailure.class).hasMessageContaining("beta-cert");
    }

    private EbmsMessage withPayloads(List<Payload> payloads) {
        EbmsMessage m = message;
        return new EbmsMessage(m.header(), m.ackRequested(), m.syncReply(), m.messageOrder(), m.acknowledgment(),
                m.errorList(), m.manifest(), m.statusRequest(), m.statusResponse(), m.signed(), payloads);
    }

    private static Payload flipFirstByte(Payload p) {
        byte[] content = p.content();
        content[0] ^= 1;
        return new Payload(p.contentId(), p.contentType(), content);
    }

    static Map<String, byte[]> byCid(List<Payload> payloads) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        payloads.forEach(p -> map.put(p.contentId(), p.content()));
        return map;
    }
}
