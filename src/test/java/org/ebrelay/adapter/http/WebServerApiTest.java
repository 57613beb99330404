package org.ebrelay.adapter.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CXF's REST (/api) and SOAP (/soap) stacks hosted in the node's own Jetty, on the main or the admin port. */
class WebServerApiTest {
    private static final String SOAP_REQUEST = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<s:Body><t:ping xmlns:t=\"urn:ebrelay:test\">hello</t:ping></s:Body></s:Envelope>";

    /** A JAX-RS resource answering a record with a java.time value. */
    @Path("/nodes")
    public static class NodeResource {
        public record NodeView(String name, Instant startedAt) {
        }

        @GET
        @Path("/{name}")
        @Produces(MediaType.APPLICATION_JSON)
        public NodeView node(@PathParam("name") String name) {
            return new NodeView(name, Instant.parse("2026-11-21T12:30:00Z"));
        }

        @GET
        @Path("/broken")
        @Produces(MediaType.APPLICATION_JSON)
        public NodeView broken() {
            throw new IllegalStateException("resource bug");
        }
    }

    /** The smallest JAX-WS endpoint: a payload Provider that answers a fixed element. */
    @WebServiceProvider(serviceName = "PingService", portName = "PingPort", targetNamespace = "urn:ebrelay:test")
    @ServiceMode(Service.Mode.PAYLOAD)
    public static class PingProvider implements Provider<Source> {
        @Override
        public Source invoke(Source request) {
            return new StreamSource(new StringReader("<t:pong xmlns:t=\"urn:ebrelay:test\">ok</t:pong>"));
        }
    }

    private static HttpClient client;

    @BeforeAll
    static void startClient() throws Exception {
        client = new HttpClient();
        client.start();
    }

    @AfterAll
    static void stopClient() throws Exception {
        client.stop();
    }

    private static WebServer serverWithApis(WebServerConfig config) throws Exception {
        WebServer server = new WebServer(config, (request, info) -> HttpReply.noContent(), Health::healthy,
                () -> "# no metrics\n");
        server.addRestResource(new NodeResource());
        server.addSoapEndpoint("/ping", new PingProvider(), null);
        server.start();
        return server;
    }

    private static ContentResponse soapPost(URI uri) throws Exception {
        return client.newRequest(uri).method(HttpMethod.POST).headers(h -> h.put("SOAPAction", "\"\""))
                .body(new StringRequestContent("text/xml; charset=UTF-8", SOAP_REQUEST)).send();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnTheMainPort {
        private WebServer server;

        @BeforeAll
        void start() throws Exception {
            server = serverWithApis(WebServerConfig.defaults().withPort(0));
        }

        @AfterAll
        void stop() throws Exception {
            server.stop();
        }

        @Test
        void aRestResourceAnswersJsonWithIsoTimestamps() throws Exception {
            ContentResponse response = client.GET(server.baseUri().resolve("/api/nodes/hospital"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType()).isEqualTo("application/json");
            assertThat(ApiJson.mapper().readTree(response.getContent()).toString())
                    .isEqualTo("{\"name\":\"hospital\",\"startedAt\":\"2026-11-21T12:30:00Z\"}");
        }

        @Test
        void aSoapEndpointAnswersAnEnvelope() throws Exception {
            ContentResponse response = soapPost(server.baseUri().resolve("/soap/ping"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType()).isEqualTo("text/xml");
            assertThat(response.getContentAsString()).contains("<t:pong", ">ok</t:pong>");
        }

        @Test
        void theSoapEndpointPublishesAWsdl() throws Exception {
            ContentResponse response = client.GET(server.baseUri().resolve("/soap/ping?wsdl"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).contains("PingService");
        }

        @Test
        void unknownApiAndSoapPathsAreNotFoundWithoutHtml() throws Exception {
            for (String path : new String[] {"/api/nothing", "/soap/nothing", "/soap/", "/api"}) {
                ContentResponse response = client.newRequest(server.baseUri().resolve(path))
                        .headers(h -> h.put("Accept", "text/html")).send();

                assertThat(response.getStatus()).as(path).isEqualTo(404);
                assertThat(String.valueOf(response.getMediaType())).as(path).doesNotContain("html");
                assertThat(response.getContentAsString()).as(path).doesNotContainIgnoringCase("<html");
            }
        }

        @Test
        void aResourceThatThrowsIsAServerErrorWithoutHtml() throws Exception {
            ContentResponse response = client.newRequest(server.baseUri().resolve("/api/nodes/broken"))
                    .headers(h -> h.put("Accept", "text/html, application/json")).send();

            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(String.valueOf(response.getMediaType())).doesNotContain("html");
            assertThat(response.getContentAsString()).doesNotContainIgnoringCase("<html").doesNotContain("resource bug");
        }

        @Test
        void theEbmsEndpointStillAnswersBesideTheApis() throws Exception {
            ContentResponse response = client.newRequest(server.baseUri().resolve("/ebms")).method(HttpMethod.POST)
                    .body(new StringRequestContent("text/xml", SOAP_REQUEST)).send();

            assertThat(response.getStatus()).isEqualTo(204);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithAnAdminPort {
        private WebServer server;

        @BeforeAll
        void start() throws Exception {
            server = serverWithApis(WebServerConfig.defaults().withPort(0).withAdminPort(0));
        }

        @AfterAll
        void stop() throws Exception {
            server.stop();
        }

        @Test
        void theApisAndMetricsAnswerOnTheAdminPort() throws Exception {
            assertThat(server.adminPort()).isPositive().isNotEqualTo(server.port());
            assertThat(server.apiBaseUri().getPort()).isEqualTo(server.adminPort());
            assertThat(client.GET(server.apiBaseUri().resolve("/api/nodes/lab")).getStatus()).isEqualTo(200);
            assertThat(soapPost(server.apiBaseUri().resolve("/soap/ping")).getStatus()).isEqualTo(200);
            assertThat(client.GET(server.apiBaseUri().resolve("/metrics")).getStatus()).isEqualTo(200);
        }

        @Test
        void theApisAndMetricsAreNotOnTheMainPort() throws Exception {
            assertThat(client.GET(server.baseUri().resolve("/api/nodes/lab")).getStatus()).isEqualTo(404);
            assertThat(soapPost(server.baseUri().resolve("/soap/ping")).getStatus()).isEqualTo(404);
            assertThat(client.GET(server.baseUri().resolve("/metrics")).getStatus()).isEqualTo(404);
        }

        @Test
        void ebmsStaysOnTheMainPortAndHealthAnswersOnBoth() throws Exception {
            ContentResponse onMain = client.newRequest(server.baseUri().resolve("/ebms")).method(HttpMethod.POST)
                    .body(new StringRequestContent("text/xml", SOAP_REQUEST)).send();
            ContentResponse onAdmin = client.newRequest(server.apiBaseUri().resolve("/ebms")).method(HttpMethod.POST)
                    .body(new StringRequestContent("text/xml", SOAP_REQUEST)).send();

            assertThat(onMain.getStatus()).isEqualTo(204);
            assertThat(onAdmin.getStatus()).isEqualTo(404);
            assertThat(client.GET(server.baseUri().resolve("/health")).getStatus()).isEqualTo(200);
            assertThat(client.GET(server.apiBaseUri().resolve("/health")).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void registeringAfterStartIsRefused() throws Exception {
        WebServer server = serverWithApis(WebServerConfig.defaults().withPort(0));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.addRestResource(new NodeResource()))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            server.stop();
        }
    }

    @Test
    void aTakenPortFailsStartAndReleasesEverything() throws Exception {
        WebServer first = serverWithApis(WebServerConfig.defaults().withPort(0));
        try {
            WebServer second = new WebServer(WebServerConfig.defaults().withPort(first.port()),
                    (request, info) -> HttpReply.noContent(), Health::healthy, () -> "");

            org.assertj.core.api.Assertions.assertThatThrownBy(second::start).isInstanceOf(java.io.IOException.class);
            assertThat(client.GET(first.baseUri().resolve("/health")).getStatus()).isEqualTo(200);
        } finally {
            first.stop();
        }
    }

    @Test
    void aStoppedServerCanBeStoppedAgain() throws Exception {
        WebServer server = serverWithApis(WebServerConfig.defaults().withPort(0));
        server.stop();
        server.stop();

        assertThat(Map.of()).isEmpty(); // reaching here without an exception is the point
    }
}
