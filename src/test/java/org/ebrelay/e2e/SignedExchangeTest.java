package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.deliveries;
import static org.ebrelay.e2e.Observed.eventTypes;
import static org.ebrelay.e2e.Observed.inbound;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.soap.EnvelopePart;
import org.ebrelay.adapter.xmldsig.JdkXmlDsig;
import org.ebrelay.adapter.xmldsig.TestKeys;
import org.ebrelay.adapter.xmldsig.XmlDsigSigning;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.out.SigningOrder;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.Payload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes under a CPA that asks for signed messages both ways and signed acknowledgments (over plain HTTP here):
 * the hospital signs with its key (test keystore "alpha"), the laboratory with its own ("beta"), each checks the
 * other's against the certificate in the CPA. A partner that posts a tampered, unsigned or wrongly signed message is
 * answered with SecurityFailure and nothing is delivered.
 */
class SignedExchangeTest {
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    @TempDir
    static Path root;
    static TwoNodes nodes;

    @BeforeAll
    static void startNodes() throws Exception {
        String alpha = Files.readString(Path.of("src/test/resources/signing/alpha-signing.b64"));
        String beta = Files.readString(Path.of("src/test/resources/signing/beta-signing.b64"));
        nodes = TwoNodes.in(root)
                .cpa(cpa -> cpa.signed(alpha, beta, true))
                .hospitalConfig(c -> c.withSigning(keystore("alpha")))
                .labConfig(c -> c.withSigning(keystore("beta")))
                .start();
    }

    private static GatewayConfig.Signing keystore(String name) {
        return new GatewayConfig.Signing(TestKeys.keystore(name), "PKCS12", "changeit", false);
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void signed_messages_both_ways_complete_with_signed_acknowledgments() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        Hl7Messages.Er7 result = Hl7Messages.result();

        SubmissionResult.Accepted sentOrder = nodes.order(order);
        SubmissionResult.Accepted sentResult = nodes.result(result);

        MessageView ordered = awaitOutbound(nodes.hospital(), sentOrder.messageId(), "COMPLETE");
        MessageView resulted = awaitOutbound(nodes.lab(), sentResult.messageId(), "COMPLETE");
        assertThat(ordered.attempts()).isEqualTo(1);
        assertThat(resulted.attempts()).isEqualTo(1);
        assertThat(eventTypes(ordered)).contains("ACKNOWLEDGED");
        deliveredOnce(nodes.lab(), order);
        deliveredOnce(nodes.hospital(), result);
    }

    @Test
    void a_partners_signed_order_is_answered_with_a_signed_acknowledgment_copying_its_references() throws Exception {
        EbmsMessage order = order("signed-" + System.nanoTime() + "@partner", Hl7Messages.order());
        WireMessage signed = signedByHospital(order);

        PostedMessages.Answer answer = PostedMessages.post(labUri(), signed);

        assertThat(answer.status()).isEqualTo(200);
        EbmsMessage ack = answer.decoded().message();
        assertThat(ack.kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
        assertThat(ack.signed()).isTrue();
        assertThat(ack.acknowledgment().references()).extracting(r -> r.uri())
                .containsExactly("", "cid:" + order.payloads().get(0).contentId());
        byte[] ackEnvelope = EnvelopePart.of(new WireMessage(answer.contentType(), null, answer.body())).orElseThrow();
        assertThat(JdkXmlDsig.verifies(ackEnvelope, Map.of(), TestKeys.certificate("beta").getPublicKey()))
                .as("the laboratory's signature on the ack, checked by an independent verifier").isTrue();
    }

    @Test
    void a_tampered_payload_is_refused_with_security_failure_and_not_delivered() {
        Hl7Messages.Er7 hl7 = Hl7Messages.order();
        EbmsMessage order = order("tampered-" + System.nanoTime() + "@partner", hl7);
        WireMessage signed = signedByHospital(order);
        byte[] envelope = EnvelopePart.of(signed).orElseThrow();
        Payload original = order.payloads().get(0);
        byte[] content = original.content();
        content[content.length - 1] ^= 1;
        WireMessage tampered = new EbmsEncoder().packaged(envelope,
                List.of(new Payload(original.contentId(), original.contentType(), content)));

        PostedMessages.Answer answer = PostedMessages.post(labUri(), tampered);

        assertSecurityFailure(answer, "does not verify");
        assertThat(inbound(nodes.lab(), order.messageId().value()).state()).isEqualTo("REJECTED");
        assertThat(deliveries(nodes.lab(), hl7.id())).isEmpty();
    }

    @Test
    void an_order_signed_by_a_key_the_cpa_does_not_name_is_refused() {
        EbmsMessage order = order("mallory-" + System.nanoTime() + "@partner", Hl7Messages.order());
        XmlDsigSigning mallory = new XmlDsigSigning(new EbmsEncoder(), TestKeys.signingKeys("mallory"));

        PostedMessages.Answer answer = PostedMessages.post(labUri(),
                mallory.encodeSigned(order, new SigningOrder(TestKeys.der("mallory"), "m", RSA_SHA256, SHA256)));

        assertSecurityFailure(answer, "CN=mallory");
    }

    @Test
    void an_unsigned_order_is_refused_where_the_cpa_requires_a_signature() {
        Hl7Messages.Er7 hl7 = Hl7Messages.order();
        EbmsMessage order = order("unsigned-" + System.nanoTime() + "@partner", hl7);

        PostedMessages.Answer answer = PostedMessages.post(labUri(), PostedMessages.encode(order));

        assertSecurityFailure(answer, "requires a signed message");
        assertThat(deliveries(nodes.lab(), hl7.id())).isEmpty();
    }

    private static void assertSecurityFailure(PostedMessages.Answer answer, String why) {
        EbmsMessage error = answer.decoded().message();
        assertThat(error.kind()).isEqualTo(MessageKind.MESSAGE_ERROR);
        assertThat(error.errorList().errors()).anySatisfy(e -> {
            assertThat(e.errorCode()).isEqualTo("SecurityFailure");
            assertThat(e.description()).contains(why);
        });
    }

    /** An order as the hospital's MSH would send it under the signed CPA: asking for a signed ack. */
    private static EbmsMessage order(String messageId, Hl7Messages.Er7 hl7) {
        return PostedMessages.order(messageId, hl7, Instant.now(), null).toBuilder()
                .ackRequested(AckRequested.toPartyMsh(true)).build();
    }

    private static WireMessage signedByHospital(EbmsMessage order) {
        return new XmlDsigSigning(new EbmsEncoder(), TestKeys.signingKeys("alpha"))
                .encodeSigned(order, new SigningOrder(TestKeys.der("alpha"), "RGH_Signing", RSA_SHA256, SHA256));
    }

    private static URI labUri() {
        return URI.create("http://127.0.0.1:" + nodes.labPort());
    }
}
