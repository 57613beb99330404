package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.eventually;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.EnvelopePart;
import org.ebrelay.adapter.xmldsig.JdkXmlDsig;
import org.ebrelay.adapter.xmldsig.TestKeys;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.Payload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running node whose signing keystore file is replaced by a renewed one (and its CPA by one naming the renewed
 * certificate, as the partners agree on a renewal): the next message is signed with the new key, without a restart.
 * What the node posts is caught by a plain HTTP endpoint standing in for the laboratory and checked with an
 * independent verifier.
 */
class SigningKeyRenewalTest {
    @TempDir
    Path root;
    Gateway hospital;
    HttpServer laboratory;
    final List<WireMessage> posted = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (hospital != null) {
            hospital.close();
        }
        if (laboratory != null) {
            laboratory.stop(0);
        }
    }

    @Test
    void after_the_keystore_is_replaced_the_next_message_is_signed_with_the_renewed_key() throws Exception {
        laboratory = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        laboratory.createContext("/", exchange -> {
            posted.add(new WireMessage(exchange.getRequestHeaders().getFirst("Content-Type"), null,
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        laboratory.start();
        Path keystore = root.resolve("hospital-signing.p12");
        Files.copy(TestKeys.keystore("alpha"), keystore);
        int port = TestNode.freePort();
        TestNode node = TestNode.hospital(root, port).withCpa(signedCpa(port, "alpha"));
        hospital = node.start(c -> c.withSigning(new GatewayConfig.Signing(keystore, "PKCS12", "changeit", false,
                Duration.ofMillis(200), "auto")));

        assertThat(signer(sendOrder())).isEqualTo(TestKeys.certificate("alpha").getPublicKey());

        Files.copy(TestKeys.keystore("mallory"), keystore, StandardCopyOption.REPLACE_EXISTING);
        node.withCpa(signedCpa(port, "mallory"));
        hospital.cpaAdministration().reload();

        PublicKey renewed = TestKeys.certificate("mallory").getPublicKey();
        eventually().ignoreExceptions().until(() -> renewed.equals(signer(sendOrder())));
    }

    private DemoCpa signedCpa(int hospitalPort, String hospitalKey) throws Exception {
        String hospitalCertificate = Files.readString(Path.of("src/test/resources/signing/" + hospitalKey
                + "-signing.b64"));
        String lab = Files.readString(Path.of("src/test/resources/signing/beta-signing.b64"));
        return DemoCpa.shipped().endpoints(hospitalPort, laboratory.getAddress().getPort())
                .signed(hospitalCertificate, lab, false);
    }

    /** Submits an order and returns what the laboratory received for it. */
    private WireMessage sendOrder() {
        SubmissionResult.Accepted accepted = TwoNodes.accepted(hospital.submit().submit(
                TwoNodes.submission(DemoCpa.ORDER, DemoCpa.LAB, Hl7Messages.order())));
        return eventually().until(() -> posted.stream().filter(w -> new String(w.body(),
                java.nio.charset.StandardCharsets.ISO_8859_1).contains(accepted.messageId())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    /** The public key (of alpha or mallory) whose signature on {@code wire} verifies independently, or null. */
    private static PublicKey signer(WireMessage wire) throws Exception {
        EbmsMessage message = new EbmsDecoder().decode(wire).message();
        Map<String, byte[]> payloads = message.payloads().stream()
                .collect(Collectors.toMap(Payload::contentId, Payload::content));
        byte[] envelope = EnvelopePart.of(wire).orElseThrow();
        for (String name : List.of("alpha", "mallory")) {
            PublicKey key = TestKeys.certificate(name).getPublicKey();
            if (JdkXmlDsig.verifies(envelope, payloads, key)) {
                return key;
            }
        }
        return null;
    }
}
