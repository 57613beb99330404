package org.ebrelay.app.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.inbound.Messages.DEMO_CPA;
import static org.ebrelay.app.inbound.Messages.LAB;
import static org.ebrelay.app.inbound.Messages.reliableOrder;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.ebrelay.adapter.tls.TestKeyStores;
import org.ebrelay.app.WithDatabase;
import org.ebrelay.app.port.in.ReceiveMessage.InboundReply;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP-8: under a CPA that names the hospital's TLS client certificate, only a request over TLS with exactly that
 * certificate is accepted; none, or another one, gets a SecurityFailure and the message is kept REJECTED.
 */
class ClientCertificateCheckTest extends WithDatabase {
    @TempDir
    static Path dir;
    static X509Certificate hospital;
    static X509Certificate other;
    static Path cpa;

    private InboundNode node;

    @BeforeAll
    static void makeKeys() throws Exception {
        TestKeyStores keys = new TestKeyStores(dir);
        keys.keyStore("hospital", 800);
        keys.keyStore("other", 800);
        hospital = keys.certificate("hospital");
        other = keys.certificate("other");
        cpa = CpaVariants.of(DEMO_CPA, dir,
                "\t\t<tns:DeliveryChannel tns:channelId=\"RGH_ReliableChannel\"",
                "\t\t<tns:Certificate tns:certId=\"RGH_TlsCert\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                        + Base64.getEncoder().encodeToString(hospital.getEncoded())
                        + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></tns:Certificate>\n"
                        + "\t\t<tns:DeliveryChannel tns:channelId=\"RGH_ReliableChannel\"",
                "<tns:Transport tns:transportId=\"RGH_Transport\">\n\t\t\t<tns:TransportSender>\n"
                        + "\t\t\t\t<tns:TransportProtocol tns:version=\"1.1\">HTTP</tns:TransportProtocol>\n",
                "<tns:Transport tns:transportId=\"RGH_Transport\">\n\t\t\t<tns:TransportSender>\n"
                        + "\t\t\t\t<tns:TransportProtocol tns:version=\"1.1\">HTTP</tns:TransportProtocol>\n"
                        + "\t\t\t\t<tns:TransportClientSecurity><tns:TransportSecurityProtocol tns:version=\"1.2\">TLS"
                        + "</tns:TransportSecurityProtocol><tns:ClientCertificateRef tns:certId=\"RGH_TlsCert\"/>"
                        + "</tns:TransportClientSecurity>\n");
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private EbmsMessage answer(String key, List<X509Certificate> chain) {
        node = node != null ? node : InboundNode.on(database).cpa(cpa).actingFor(LAB).start();
        InboundReply reply = node.receive(reliableOrder(key).build(), chain);
        assertThat(reply.httpStatus()).isEqualTo(200);
        return node.decode(reply.body());
    }

    @Test
    void theCertificateTheCpaNamesIsAccepted() {
        assertThat(answer("named", List.of(hospital)).kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
    }

    @Test
    void aRequestWithoutAClientCertificateGetsASecurityFailure() {
        EbmsMessage error = answer("none", List.of());

        assertThat(error.kind()).isEqualTo(MessageKind.MESSAGE_ERROR);
        EbmsError only = error.errorList().errors().get(0);
        assertThat(only.is(ErrorCode.SECURITY_FAILURE)).as(only.toString()).isTrue();
        assertThat(only.description()).contains("came without", "RGH_TlsCert", "RiversideGeneralHospital");
    }

    @Test
    void anotherTrustedCertificateGetsASecurityFailure() {
        EbmsMessage error = answer("other", List.of(other));

        EbmsError only = error.errorList().errors().get(0);
        assertThat(only.is(ErrorCode.SECURITY_FAILURE)).as(only.toString()).isTrue();
        assertThat(only.description()).contains("CN=other");
    }
}
