package org.ebrelay.bench;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.soap.EncoderFixtures;
import org.ebrelay.adapter.xmldsig.TestKeys;
import org.ebrelay.adapter.xmldsig.XmlDsigSigning;
import org.ebrelay.adapter.xmldsig.SignatureProvider;
import org.ebrelay.app.port.out.SignatureCheck;
import org.ebrelay.app.port.out.SigningOrder;
import org.ebrelay.app.port.out.VerificationOrder;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.MessageId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the ebMS signature profile (RSA-2048, rsa-sha256, sha256): encode and sign a reliable user message with
 * a 2 KB HL7 v2 payload, check such a message, and encode and sign an Acknowledgment; each as the gateway runs it
 * (without a DOM: the streaming signer and verifier), with the RSA operations by the provider {@code signing.provider}
 * chooses by default ({@code provider=auto}: AWS-LC where it loads) and by the JDK's ({@code provider=jdk}). The DOM
 * signer and verifier, which take what the streaming ones leave, are measured by {@code SignerCpuCost}.
 * Run: {@code mvn -Pbench test-compile exec:exec -Djmh.args="SigningBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigningBenchmark {
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    @Param({"auto", "jdk"})
    public String provider;

    private XmlDsigSigning signing;
    private final SigningOrder order = new SigningOrder(TestKeys.der("alpha"), "alpha", RSA_SHA256, SHA256);
    private final VerificationOrder expect = new VerificationOrder(List.of(TestKeys.der("alpha")), List.of(),
            List.of(RSA_SHA256), true, Instant.parse("2026-11-22T10:00:00Z"));
    private final EbmsMessage message = EncoderFixtures.userMessage(2048);
    private final EbmsMessage ack = EbmsMessages.acknowledgmentOf(message, MessageId.of("ack-1@lab"),
            EncoderFixtures.NOW, EncoderFixtures.RECEIVED, List.of());
    private WireMessage signed;

    @Setup
    public void setUp() {
        signing = new XmlDsigSigning(new EbmsEncoder(), TestKeys.signingKeys("alpha"),
                SignatureProvider.select(provider));
        signed = signing.encodeSigned(message, order);
        if (!signing.verify(signed, message, expect).passed()) {
            throw new IllegalStateException("the benchmark's message does not verify");
        }
    }

    @Benchmark
    public WireMessage encodeAndSignUserMessage() {
        return signing.encodeSigned(message, order);
    }

    @Benchmark
    public SignatureCheck verifyUserMessage() {
        return signing.verify(signed, message, expect);
    }

    @Benchmark
    public WireMessage encodeAndSignAcknowledgment() {
        return signing.encodeSigned(ack, order);
    }
}
