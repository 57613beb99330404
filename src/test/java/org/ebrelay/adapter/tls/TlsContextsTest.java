package org.ebrelay.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.ebrelay.adapter.http.EbmsHttpSender;
import org.ebrelay.adapter.http.Health;
import org.ebrelay.adapter.http.HttpReply;
import org.ebrelay.adapter.http.SenderConfig;
import org.ebrelay.adapter.http.WebServer;
import org.ebrelay.adapter.http.WebServerConfig;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.app.port.out.WireMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's TLS factories on a real Jetty server and client: a renewed key store is taken into use without a
 * restart, and the client checks that the partner's certificate names the host it posts to.
 */
class TlsContextsTest {
    private static final WireMessage MESSAGE = new WireMessage("text/xml", null, "<x/>".getBytes());

    @TempDir
    static Path keyDir;
    static TestKeyStores keys;

    @TempDir
    Path work;

    @BeforeAll
    static void makeKeys() {
        keys = new TestKeyStores(keyDir);
        keys.keyStore("first");
        keys.keyStore("second");
        keys.keyStore("elsewhere", 30, "SAN=dns:elsewhere.example");
    }

    private static TlsSettings settings(Path keyStore, Path trustStore, boolean hostnameVerification,
                                        Duration reload) {
        return new TlsSettings(true, keyStore, TestKeyStores.PASSWORD, "PKCS12", trustStore, TestKeyStores.PASSWORD,
                TlsSettings.ClientAuth.WANT, hostnameVerification, TlsSettings.Revocation.NONE, null, reload);
    }

    private static WebServer serve(TlsContexts tls) throws Exception {
        WebServer server = new WebServer(WebServerConfig.defaults().withPort(0).withTls(tls.server()),
                (request, info) -> HttpReply.noContent(), () -> new Health(true, Map.of()), () -> "");
        server.start();
        return server;
    }

    @Test
    void aRenewedKeyStoreIsTakenIntoUseWithoutARestart() throws Exception {
        Path live = work.resolve("node.p12");
        Files.copy(keys.keyStore("first"), live);
        try (TlsContexts tls = TlsContexts.of(settings(live, null, true, Duration.ofSeconds(1)));
             WebServer server = serve(tls)) {
            tls.watchForRenewals();
            assertThat(serverCertificate(server.port()).getSubjectX500Principal().getName()).contains("CN=first");

            Files.copy(keys.keyStore("second"), live, StandardCopyOption.REPLACE_EXISTING);

            await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(
                    () -> serverCertificate(server.port()).getSubjectX500Principal().getName().contains("CN=second"));
        }
    }

    @Test
    void aBrokenKeyStoreLeavesTheOneInUseAndIsReportedUntilAGoodOneReplacesIt() throws Exception {
        Path live = work.resolve("node.p12");
        Files.copy(keys.keyStore("first"), live);
        try (TlsContexts tls = TlsContexts.of(settings(live, null, true, Duration.ZERO));
             WebServer server = serve(tls)) {
            tls.watchForRenewals();
            Files.write(live, "half a key store".getBytes(StandardCharsets.US_ASCII));

            assertThat(tls.checkForRenewal()).isFalse();

            assertThat(tls.renewalProblem()).contains("cannot be used");
            assertThat(serverCertificate(server.port()).getSubjectX500Principal().getName()).contains("CN=first");
            Files.copy(keys.keyStore("second"), live, StandardCopyOption.REPLACE_EXISTING);
            assertThat(tls.checkForRenewal()).isTrue();
            assertThat(tls.renewalProblem()).isNull();
            assertThat(serverCertificate(server.port()).getSubjectX500Principal().getName()).contains("CN=second");
        }
    }

    @Test
    void aRenewedTrustStoreIsTakenIntoUseByTheClientWithoutARestart() throws Exception {
        Path trust = work.resolve("trust.p12");
        Files.copy(keys.trustStore("trust-second.p12", "second"), trust);
        try (TlsContexts serverSide = TlsContexts.of(settings(keys.keyStore("first"), null, true, Duration.ZERO));
             WebServer server = serve(serverSide);
             TlsContexts clientSide = TlsContexts.of(settings(keys.keyStore("second"), trust, true, Duration.ZERO))) {
            clientSide.watchForRenewals();
            assertThat(post(server, clientSide)).as("first is not trusted yet")
                    .isInstanceOf(SendOutcome.RetryableFailure.class);

            Files.copy(keys.trustStore("trust-first.p12", "first"), trust, StandardCopyOption.REPLACE_EXISTING);

            assertThat(clientSide.checkForRenewal()).isTrue();
            assertThat(post(server, clientSide)).isEqualTo(new SendOutcome.Answered(204, null));
        }
    }

    @Test
    void thePartnersCertificateMustNameTheHostPostedTo() throws Exception {
        Path trust = keys.trustStore("trust-elsewhere.p12", "elsewhere");
        try (TlsContexts serverSide = TlsContexts.of(settings(keys.keyStore("elsewhere"), null, true, Duration.ZERO));
             WebServer server = serve(serverSide)) {
            SendOutcome checked = post(server, TlsContexts.of(settings(keys.keyStore("first"), trust, true,
                    Duration.ZERO)));
            SendOutcome unchecked = post(server, TlsContexts.of(settings(keys.keyStore("first"), trust, false,
                    Duration.ZERO)));

            assertThat(checked).isInstanceOf(SendOutcome.RetryableFailure.class);
            assertThat(((SendOutcome.RetryableFailure) checked).reason()).startsWith("TLS failure");
            assertThat(unchecked).isEqualTo(new SendOutcome.Answered(204, null));
        }
    }

    @Test
    void withoutKeyOrTrustStoreTheClientUsesTheJdkDefaultsAndThereIsNoHttps() {
        TlsContexts tls = TlsContexts.of(TlsSettings.off());

        assertThat(tls.server()).isNull();
        assertThat(tls.client()).isNull();
    }

    private static SendOutcome post(WebServer server, TlsContexts client) throws Exception {
        try (EbmsHttpSender sender = new EbmsHttpSender(SenderConfig.defaults().withTls(client.client()))) {
            sender.start();
            return sender.send(server.baseUri().resolve("/ebms"), MESSAGE, Duration.ofSeconds(10))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The certificate a fresh TLS connection is shown (trusting anything: only the name is looked at). */
    private static X509Certificate serverCertificate(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
