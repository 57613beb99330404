package org.ebrelay.adapter.xmldsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.soap.EncoderFixtures;
import org.ebrelay.app.port.out.SignatureCheck;
import org.ebrelay.app.port.out.VerificationOrder;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.Payload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming verifier may only pass what the DOM verifier (Santuario, secure validation) passes, with the same
 * references; everything else it leaves to the DOM verifier. Checked on every envelope the streaming signer's test
 * signs, on each single-character change of a signed message, and on the attacks a shortcut invites: a second
 * signature, a signature out of place, another key, another signer, a payload swapped.
 */
class StreamingEnvelopeVerifierTest {
    private static final String RSA_SHA256 = EbmsSignatureInteropTest.RSA_SHA256;
    private static final String RSA_SHA1 = EbmsSignatureInteropTest.RSA_SHA1;
    private static final String SHA256 = EbmsSignatureInteropTest.SHA256;
    private static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    private final StreamingEnvelopeSigner signer = new StreamingEnvelopeSigner(Optional.empty());
    /** As the gateway runs it by default: the RSA check by AWS-LC where it loads. */
    private final StreamingEnvelopeVerifier streaming = new StreamingEnvelopeVerifier(SignatureProvider.select("auto"));
    private final StreamingEnvelopeVerifier streamingJdk = new StreamingEnvelopeVerifier(Optional.empty());
    private final EnvelopeVerifier dom = new EnvelopeVerifier();
    private final PrivateKey key = TestKeys.privateKey("alpha");
    private final X509Certificate certificate = TestKeys.certificate("alpha");
    private final VerificationOrder alpha = order("alpha");

    private static VerificationOrder order(String signer) {
        return new VerificationOrder(List.of(TestKeys.der(signer)), List.of(), List.of(RSA_SHA256, RSA_SHA1), true,
                NOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ebrelay.adapter.xmldsig.StreamingEnvelopeSignerTest#envelopes")
    void passesWhatTheStreamingSignerSignsWithTheDomVerifiersReferences(String name, byte[] envelope,
                                                                       List<Payload> payloads) throws Exception {
        for (String[] algorithms : List.of(new String[] {RSA_SHA256, SHA256}, new String[] {RSA_SHA1, SHA1})) {
            byte[] signed = signer.sign(envelope, payloads, key, certificate, algorithms[0], algorithms[1])
                    .orElseThrow();

            SignatureCheck byDom = dom.verify(signed, payloads, alpha);
            Optional<SignatureCheck> streamed = streaming.verify(signed, payloads, alpha);

            assertThat(byDom.passed()).as(byDom.failure()).isTrue();
            assertThat(streamed).as("passed without the DOM, %s", algorithms[0]).isPresent();
            assertThat(streamed.get()).isEqualTo(byDom);
            assertThat(streamingJdk.verify(signed, payloads, alpha)).as("with the JDK's RSA").contains(byDom);
            assertThat(ReceivedSignature.inHeader(signed).orElseThrow().asCopied())
                    .as("the references of a message we sent").isEqualTo(dom.references(signed));
        }
    }

    @Test
    void noSingleCharacterChangeIsPassedThatTheDomVerifierRefuses() throws Exception {
        EbmsMessage message = EncoderFixtures.userMessageWithTwoPayloads();
        String signed = new String(signer.sign(new EbmsEncoder().envelope(message), message.payloads(), key,
                certificate, RSA_SHA256, SHA256).orElseThrow(), StandardCharsets.UTF_8);
        int passedByBoth = 0;
        for (int i = 0; i < signed.length(); i++) {
            char c = signed.charAt(i);
            List<String> changes = List.of(signed.substring(0, i) + (c == 'x' ? 'y' : 'x') + signed.substring(i + 1),
                    signed.substring(0, i) + signed.substring(i + 1));
            for (String changed : changes) {
                byte[] bytes = changed.getBytes(StandardCharsets.UTF_8);
                Optional<SignatureCheck> streamed = streaming.verify(bytes, message.payloads(), alpha);
                if (streamed.isPresent()) {
                    SignatureCheck byDom = dom.verify(bytes, message.payloads(), alpha);
                    assertThat(byDom.passed()).as("passed by the stream, refused by the DOM (%s): %s",
                            byDom.failure(), changed).isTrue();
                    assertThat(streamed.get()).isEqualTo(byDom);
                    passedByBoth++;
                }
            }
        }
        // the changes a verifier may pass are few: whitespace and line breaks inside the signature value and the
        // certificate, which base64 ignores; anything signed, changed, must go to the DOM and fail there
        assertThat(passedByBoth).isLessThan(signed.length() / 20);
    }

    @Test
    void leavesAChangedPayloadAnotherKeyOrAnotherSignerToTheDom() throws Exception {
        EbmsMessage message = EncoderFixtures.userMessageWithTwoPayloads();
        byte[] envelope = new EbmsEncoder().envelope(message);
        byte[] signed = signer.sign(envelope, message.payloads(), key, certificate, RSA_SHA256, SHA256)
                .orElseThrow();
        List<Payload> changed = new ArrayList<>(message.payloads());
        Payload first = changed.get(0);
        byte[] content = first.content().clone();
        content[content.length / 2] ^= 1;
        changed.set(0, new Payload(first.contentId(), first.contentType(), content));
        List<Payload> swapped = List.of(message.payloads().get(1), message.payloads().get(0));
        byte[] wrongKey = signer.sign(envelope, message.payloads(), TestKeys.privateKey("mallory"), certificate,
                RSA_SHA256, SHA256).orElseThrow();

        assertThat(streaming.verify(signed, changed, alpha)).as("a payload byte changed").isEmpty();
        assertThat(streaming.verify(signed, List.of(message.payloads().get(0)), alpha)).as("a payload dropped")
                .isEmpty();
        assertThat(streaming.verify(signed, swapped, alpha)).as("the same payloads in another order").isPresent();
        assertThat(streaming.verify(wrongKey, message.payloads(), alpha)).as("signed with another key").isEmpty();
        assertThat(streaming.verify(signed, message.payloads(), order("beta"))).as("not the CPA's signer").isEmpty();
        assertThat(streaming.verify(signed, message.payloads(), new VerificationOrder(List.of(TestKeys.der("alpha")),
                List.of(), List.of(RSA_SHA1), true, NOW))).as("a method the CPA does not allow").isEmpty();
        assertThat(streaming.verify(signed, message.payloads(), new VerificationOrder(List.of(TestKeys.der("alpha")),
                List.of(), List.of(RSA_SHA256), true, Instant.parse("2127-01-01T00:00:00Z"))))
                .as("the certificate expired at receipt").isEmpty();
        assertThat(dom.verify(signed, changed, alpha).passed()).isFalse();
        assertThat(dom.verify(wrongKey, message.payloads(), alpha).passed()).isFalse();
    }

    @Test
    void leavesSignaturesOutOfPlaceOrInAnotherShapeToTheDom() throws Exception {
        EbmsMessage message = EncoderFixtures.userMessage(512);
        String signed = new String(signer.sign(new EbmsEncoder().envelope(message), message.payloads(), key,
                certificate, RSA_SHA256, SHA256).orElseThrow(), StandardCharsets.UTF_8);
        String signature = signed.substring(signed.indexOf("<ds:Signature"), signed.indexOf("</ds:Signature>")
                + "</ds:Signature>".length());
        String unsigned = signed.replace(signature, "");
        List<String> others = List.of(
                signed.replace(signature, signature + signature), // two signatures
                unsigned.replace("<SOAP:Body>", "<SOAP:Body>" + signature), // in the Body
                unsigned.replace("</SOAP:Header>", "<eb:Wrapper>" + signature + "</eb:Wrapper></SOAP:Header>"),
                signed.replace("<ds:SignedInfo>", "<ds:SignedInfo Id=\"si\">"),
                signed.replace("<ds:SignedInfo>", "<ds:SignedInfo>\n"),
                signed.replace("<ds:SignedInfo>", "<ds:SignedInfo><!-- c -->"),
                signed.replace("<ds:Signature xmlns:ds", "<ds:Signature xmlns:x=\"urn:x\" xmlns:ds"),
                signed.replace("<ds:XPath xmlns:SOAP=\"" + EbmsXPathFilter.SOAP_NS + "\">",
                        "<ds:XPath xmlns:SOAP=\"urn:not-soap\">"),
                signed.replace("<ds:KeyInfo>", "<ds:Object>x</ds:Object><ds:KeyInfo>"));
        for (String other : others) {
            byte[] bytes = other.getBytes(StandardCharsets.UTF_8);
            assertThat(streaming.verify(bytes, message.payloads(), alpha)).as(other).isEmpty();
        }
        assertThat(streaming.verify(signed.getBytes(StandardCharsets.UTF_8), message.payloads(), alpha)).isPresent();
    }

    @Test
    void elementsForTheNextMshMayBeAddedAfterSigningAsTheFilterSays() throws Exception {
        EbmsMessage message = EncoderFixtures.userMessage(512);
        String signed = new String(signer.sign(new EbmsEncoder().envelope(message), message.payloads(), key,
                certificate, RSA_SHA256, SHA256).orElseThrow(), StandardCharsets.UTF_8);
        byte[] added = signed.replace("</SOAP:Header>", "<eb:SyncReply SOAP:actor=\"" + EbmsXPathFilter.NEXT_MSH
                + "\" SOAP:mustUnderstand=\"1\" eb:version=\"2.0\"/></SOAP:Header>").getBytes(StandardCharsets.UTF_8);
        byte[] other = signed.replace("</SOAP:Header>", "<eb:SyncReply SOAP:actor=\"urn:other\""
                + " SOAP:mustUnderstand=\"1\" eb:version=\"2.0\"/></SOAP:Header>").getBytes(StandardCharsets.UTF_8);

        assertThat(dom.verify(added, message.payloads(), alpha).passed()).isTrue();
        assertThat(streaming.verify(added, message.payloads(), alpha)).isPresent();
        assertThat(dom.verify(other, message.payloads(), alpha).passed()).isFalse();
        assertThat(streaming.verify(other, message.payloads(), alpha)).isEmpty();
    }
}
