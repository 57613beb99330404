package org.ebrelay.adapter.xmldsig;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.soap.EncoderFixtures;
import org.ebrelay.adapter.soap.EnvelopePart;
import org.ebrelay.app.port.out.SigningOrder;
import org.ebrelay.app.port.out.VerificationOrder;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.MessageId;

/**
 * CPU time per signature, streaming signer against the DOM signer, on the envelope of a reliable user message with a
 * 2 KB HL7 v2 payload and on an Acknowledgment (RSA-2048, rsa-sha256, sha256), each in a warm loop on one thread
 * timed with the thread's CPU clock; then verifying one, and reading back its references, with and without a DOM.
 * Not a test: run it with
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.ebrelay.adapter.xmldsig.SignerCpuCost 2000}.
 */
public final class SignerCpuCost {
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private SignerCpuCost() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        EbmsEncoder encoder = new EbmsEncoder();
        EbmsMessage message = EncoderFixtures.userMessage(2048);
        EbmsMessage ack = EbmsMessages.acknowledgmentOf(message, MessageId.of("ack-1@lab"), EncoderFixtures.NOW,
                EncoderFixtures.RECEIVED, List.of());
        PrivateKey key = TestKeys.privateKey("alpha");
        X509Certificate certificate = TestKeys.certificate("alpha");
        StreamingEnvelopeSigner streaming = new StreamingEnvelopeSigner(Optional.empty());
        StreamingEnvelopeSigner streamingNative = new StreamingEnvelopeSigner(SignatureProvider.select("native"));
        EnvelopeSigner dom = new EnvelopeSigner();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (EbmsMessage m : List.of(message, ack)) {
            byte[] envelope = encoder.envelope(m);
            String name = m.acknowledgment() != null ? "acknowledgment" : "user message";
            report(threads, "dom       " + name, () -> dom.sign(envelope, m.payloads(), key, certificate,
                    RSA_SHA256, SHA256), iterations);
            report(threads, "streaming " + name, () -> streaming.sign(envelope, m.payloads(), key, certificate,
                    RSA_SHA256, SHA256).orElseThrow(), iterations);
            report(threads, "streaming, AWS-LC " + name, () -> streamingNative.sign(envelope, m.payloads(), key,
                    certificate, RSA_SHA256, SHA256).orElseThrow(), iterations);
        }
        XmlDsigSigning signing = new XmlDsigSigning(encoder, TestKeys.signingKeys("alpha"),
                SignatureProvider.select("native"));
        WireMessage signed = signing.encodeSigned(message,
                new SigningOrder(TestKeys.der("alpha"), "alpha", RSA_SHA256, SHA256));
        VerificationOrder expect = new VerificationOrder(
                List.of(TestKeys.der("alpha")), List.of(), List.of(RSA_SHA256), true, EncoderFixtures.NOW);
        report(threads, "verify a signed user message", () -> signing.verify(signed, message, expect), iterations);
        byte[] signedEnvelope = EnvelopePart.of(signed).orElseThrow();
        EnvelopeVerifier domVerifier = new EnvelopeVerifier();
        StreamingEnvelopeVerifier streamingVerifier =
                new StreamingEnvelopeVerifier(SignatureProvider.select("native"));
        report(threads, "  DOM verifier", () -> domVerifier.verify(signedEnvelope, message.payloads(), expect),
                iterations);
        report(threads, "  streaming verifier", () -> streamingVerifier.verify(signedEnvelope, message.payloads(),
                expect).orElseThrow(), iterations);
        report(threads, "references of a sent message, DOM", () -> domVerifier.references(signedEnvelope),
                iterations);
        report(threads, "  streaming", () -> ReceivedSignature.inHeader(signedEnvelope).orElseThrow().asCopied(),
                iterations);
        report(threads, "  of which the envelope's DOM", () -> Dom.parse(
                EnvelopePart.of(signed).orElseThrow()), iterations);
        report(threads, "  of which decoding the package", () -> new EbmsDecoder()
                .decode(signed), iterations);
        WireMessage unsigned = encoder.encode(message);
        report(threads, "  decoding it unsigned", () -> new EbmsDecoder()
                .decode(unsigned), iterations);
        EbmsDecoder decoder = new EbmsDecoder();
        report(threads, "  decoding it signed, one decoder", () -> decoder.decode(signed), iterations);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        byte[] data = new byte[1500];
        report(threads, "RSA-2048 signature alone, JDK", () -> {
            rsa.initSign(key);
            rsa.update(data);
            return rsa.sign();
        }, iterations);
        Signature rsaNative = Signature.getInstance("SHA256withRSA",
                SignatureProvider.select("native").orElseThrow());
        report(threads, "RSA-2048 signature alone, AWS-LC", () -> {
            rsaNative.initSign(key);
            rsaNative.update(data);
            return rsaNative.sign();
        }, iterations);
    }

    private static void report(ThreadMXBean threads, String name, Callable<?> operation, int iterations)
            throws Exception {
        for (int i = 0; i < iterations; i++) {
            operation.call();
        }
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            operation.call();
        }
        System.out.printf(Locale.ROOT, "%-34s %8.1f us CPU/op%n", name,
                (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / iterations);
    }
}
