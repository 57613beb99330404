package org.ebrelay.adapter.http;

import org.ebrelay.app.port.out.SendOutcome;

import org.ebrelay.app.port.out.WireMessage;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLS hooks the security issue builds on: the server's optional TLS listener reports the client certificate
 * chain in TransportInfo (HTTP-8), the sender takes an SslContextFactory.Client, and a handshake failure is a
 * retryable outcome (RM-S7). Keys come from the JDK's keytool, generated per run.
 */
class TlsTransportTest {
    private static final String PASSWORD = "changeit";
    private static final WireMessage MESSAGE = TestMessages.multipart(3500);
    private static final List<TransportInfo> infos = new CopyOnWriteArrayList<>();

    @TempDir
    static Path keys;
    private static Path keyStore;
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        keyStore = keys.resolve("node.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost,O=ebrelay test", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD).redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keyStore.toString());
        tls.setKeyStorePassword(PASSWORD);
        tls.setTrustStorePath(keyStore.toString());
        tls.setTrustStorePassword(PASSWORD);
        tls.setWantClientAuth(true);
        server = new WebServer(WebServerConfig.defaults().withPort(0).withTls(tls), (request, info) -> {
            infos.add(info);
            return HttpReply.noContent();
        }, () -> new Health(true, Map.of()), () -> "");
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @BeforeEach
    void forget() {
        infos.clear();
    }

    private static SslContextFactory.Client trusting(boolean withClientCertificate) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setTrustStorePath(keyStore.toString());
        tls.setTrustStorePassword(PASSWORD);
        if (withClientCertificate) {
            tls.setKeyStorePath(keyStore.toString());
            tls.setKeyStorePassword(PASSWORD);
        }
        return tls;
    }

    private static SendOutcome sendWith(SslContextFactory.Client tls) throws Exception {
        try (EbmsHttpSender sender = new EbmsHttpSender(SenderConfig.defaults().withTls(tls))) {
            sender.start();
            return sender.send(server.baseUri().resolve("/ebms"), MESSAGE, Duration.ofSeconds(10))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theServerListensOnHttps() {
        assertThat(server.baseUri().getScheme()).isEqualTo("https");
    }

    @Test
    void aMutualTlsPostCarriesTheClientCertificateChainToTheEndpoint() throws Exception {
        SendOutcome outcome = sendWith(trusting(true));

        assertThat(outcome).isEqualTo(new SendOutcome.Answered(204, null));
        assertThat(infos).singleElement().satisfies(info -> {
            assertThat(info.secure()).isTrue();
            assertThat(info.clientCertificates()).hasSize(1);
            X509Certificate leaf = info.clientCertificates().get(0);
            assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=localhost");
        });
    }

    @Test
    void aTlsPostWithoutClientCertificateHasAnEmptyChain() throws Exception {
        SendOutcome outcome = sendWith(trusting(false));

        assertThat(outcome).isEqualTo(new SendOutcome.Answered(204, null));
        assertThat(infos).singleElement().satisfies(info -> {
            assertThat(info.secure()).isTrue();
            assertThat(info.clientCertificates()).isEmpty();
        });
    }

    @Test
    void anUntrustedServerCertificateIsARetryableTlsFailure() throws Exception {
        SendOutcome outcome = sendWith(null); // the JDK's default trust store does not know our test key

        assertThat(outcome).isInstanceOf(SendOutcome.RetryableFailure.class);
        assertThat(((SendOutcome.RetryableFailure) outcome).status()).isNull();
        assertThat(((SendOutcome.RetryableFailure) outcome).reason()).startsWith("TLS failure (");
        assertThat(infos).isEmpty();
    }
}
