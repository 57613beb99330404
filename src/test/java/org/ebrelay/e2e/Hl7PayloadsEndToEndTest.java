package org.ebrelay.e2e;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import org.ebrelay.app.port.in.DeliveryView;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.deliveries;
import static org.ebrelay.e2e.Observed.eventually;

/**
 * HL7 v3 XML, HL7 v2 XML and ER7 in 8859/1 and UTF-8 between two nodes, through REST, SOAP and MLLP: each arrives
 * byte for byte, under the HL7 id read from it, labelled with the charset its MSH-18 declares; malformed XML is
 * refused at submission.
 */
class Hl7PayloadsEndToEndTest {
    private static final String V3 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<PRPA_IN201301UV02 xmlns=\"urn:hl7-org:v3\" ITSVersion=\"XML_1.0\">"
            + "<id root=\"2.16.840.1.113883.19.5\" extension=\"%s\"/><creationTime value=\"20260115103000\"/>"
            + "<controlActProcess moodCode=\"EVN\"><subject><name><family>Müller</family></name></subject>"
            + "</controlActProcess></PRPA_IN201301UV02>";
    private static final String V2_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ADT_A01 xmlns=\"urn:hl7-org:v2xml\"><MSH><MSH.1>|</MSH.1><MSH.2>^~\\&amp;</MSH.2>"
            + "<MSH.9><MSG.1>ADT</MSG.1><MSG.2>A01</MSG.2></MSH.9><MSH.10>%s</MSH.10>"
            + "<MSH.12><VID.1>2.5.1</VID.1></MSH.12></MSH>"
            + "<PID><PID.5><XPN.1><FN.1>Müller</FN.1></XPN.1></PID.5></PID></ADT_A01>";

    @TempDir
    static Path root;
    static TwoNodes nodes;
    static LocalHl7System hospitalEngine;
    static LocalHl7System labSystem;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startNodes() throws Exception {
        hospitalEngine = new LocalHl7System(TestNode.freePort());
        labSystem = new LocalHl7System(TestNode.freePort()).start();
        nodes = TwoNodes.in(root)
                .hospitalConfig(c -> c.withMllp(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(2),
                        Duration.ofSeconds(5), List.of(new GatewayConfig.MllpListener("127.0.0.1", 0)),
                        List.of(new GatewayConfig.MllpRoute("admissions", null, null, null, null, "ADT", null,
                                DemoCpa.CPA_ID, null, DemoCpa.LAB, null, null, DemoCpa.ORDER)), List.of())))
                .labConfig(c -> c.withMllp(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(2),
                        Duration.ofSeconds(5), List.of(), List.of(),
                        List.of(new GatewayConfig.MllpDestination("pas", DemoCpa.CPA_ID, null, DemoCpa.ORDER,
                                null, null, null, null, "ADT", null, "127.0.0.1", labSystem.port(), 20,
                                Duration.ofMillis(500))))))
                .start();
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
        hospitalEngine.close();
        labSystem.close();
    }

    @Test
    void anHl7V3MessageThroughRestArrivesUnchangedUnderItsRootAndExtension() throws Exception {
        String id = Hl7Messages.newId();
        byte[] v3 = V3.formatted(id).getBytes(StandardCharsets.UTF_8);

        assertThat(rest("application/hl7-v3+xml", v3).statusCode()).isEqualTo(202);

        assertArrivesUnchanged("2.16.840.1.113883.19.5^" + id, v3, "application/hl7-v3+xml");
    }

    @Test
    void anHl7V3MessageThroughSoapArrivesUnchanged() throws Exception {
        String id = Hl7Messages.newId();
        byte[] v3 = V3.formatted(id).getBytes(StandardCharsets.UTF_8);

        assertThat(soap("application/hl7-v3+xml", v3).statusCode()).isEqualTo(200);

        assertArrivesUnchanged("2.16.840.1.113883.19.5^" + id, v3, "application/hl7-v3+xml");
    }

    @Test
    void anHl7V2XmlMessageThroughRestArrivesUnchangedUnderItsMsh10() throws Exception {
        String id = Hl7Messages.newId();
        byte[] v2 = V2_XML.formatted(id).getBytes(StandardCharsets.UTF_8);

        assertThat(rest("application/hl7-v2+xml", v2).statusCode()).isEqualTo(202);

        assertArrivesUnchanged(id, v2, "application/hl7-v2+xml");
    }

    @Test
    void anHl7V2XmlMessageThroughSoapArrivesUnchanged() throws Exception {
        String id = Hl7Messages.newId();
        byte[] v2 = V2_XML.formatted(id).getBytes(StandardCharsets.UTF_8);

        assertThat(soap("text/xml", v2).statusCode()).isEqualTo(200);

        assertArrivesUnchanged(id, v2, "text/xml");
    }

    @Test
    void malformedXmlIsRefusedAtSubmissionAndNothingIsStored() throws Exception {
        String id = Hl7Messages.newId();
        byte[] broken = V3.formatted(id).replace("</PRPA_IN201301UV02>", "").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> restAnswer = rest("application/hl7-v3+xml", broken);
        HttpResponse<String> soapAnswer = soap("application/xml", broken);

        assertThat(restAnswer.statusCode()).isEqualTo(422);
        assertThat(restAnswer.body()).contains("InvalidPayload").contains("not well-formed XML");
        assertThat(soapAnswer.statusCode()).isEqualTo(500);
        assertThat(soapAnswer.body()).contains("InvalidPayload");
        assertThat(nodes.hospital().query().find("2.16.840.1.113883.19.5^" + id)).isEmpty();
    }

    @Test
    void anEr7MessageIn8859Dash1WithoutACharsetParameterArrivesLabelledAndReadRightOverMllp() throws Exception {
        String id = Hl7Messages.newId();
        byte[] latin1 = admission(id, "8859/1").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(rest("application/hl7-v2", latin1).statusCode()).isEqualTo(202);

        assertArrivesUnchanged(id, latin1, "application/hl7-v2; charset=ISO-8859-1");
        eventually().until(() -> labSystem.received().stream().anyMatch(m -> m.contains(id)));
        assertThat(labSystem.received()).filteredOn(m -> m.contains(id)).singleElement()
                .satisfies(m -> assertThat(m).contains("Müller^Jürgen"));
    }

    @Test
    void anEr7MessageIn8859Dash1SentOverMllpArrivesOverMllpWithItsNamesIntact() throws Exception {
        String id = Hl7Messages.newId();

        Message ack = hospitalEngine.send(nodes.hospital().mllpListeners().get(0).port(), admission(id, "8859/1"));

        assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AA");
        eventually().until(() -> labSystem.received().stream().anyMatch(m -> m.contains(id)));
        assertThat(labSystem.received()).filteredOn(m -> m.contains(id)).singleElement()
                .satisfies(m -> assertThat(m).contains("Müller^Jürgen"));
        DeliveryView delivered = nodes.lab().inbox().get(deliveries(nodes.lab(), id).get(0).deliveryId());
        assertThat(delivered.payloads().get(0).contentType()).isEqualTo("application/hl7-v2; charset=ISO-8859-1");
        assertThat(new String(delivered.payloads().get(0).content(), StandardCharsets.ISO_8859_1))
                .contains("Müller^Jürgen");
    }

    @Test
    void anEr7MessageInUtf8WithoutACharsetParameterArrivesLabelledUtf8() throws Exception {
        String id = Hl7Messages.newId();
        byte[] utf8 = admission(id, "UNICODE UTF-8").getBytes(StandardCharsets.UTF_8);

        assertThat(rest("application/hl7-v2", utf8).statusCode()).isEqualTo(202);

        assertArrivesUnchanged(id, utf8, "application/hl7-v2; charset=UTF-8");
    }

    private static String admission(String id, String msh18) {
        return "MSH|^~\\&|RGH-PAS|RGH-0001|NRL-LIS|NRL-0042|20260115103000||ADT^A01^ADT_A01|" + id
                + "|P|2.5.1|||AL|NE||" + msh18 + "\rPID|1||P" + id + "^^^RGH^MR||Müller^Jürgen||19800101|M\r";
    }

    private static void assertArrivesUnchanged(String hl7Id, byte[] content, String contentType) {
        eventually().until(() -> !deliveries(nodes.lab(), hl7Id).isEmpty());
        DeliveryView delivery = nodes.lab().inbox().get(deliveries(nodes.lab(), hl7Id).get(0).deliveryId());
        assertThat(delivery.payloads()).singleElement().satisfies(p -> {
            assertThat(p.content()).isEqualTo(content);
            assertThat(p.contentType()).isEqualTo(contentType);
        });
    }

    private HttpResponse<String> rest(String contentType, byte[] body) throws Exception {
        String query = "cpa=" + encode(DemoCpa.CPA_ID) + "&action=" + DemoCpa.ORDER + "&to=" + encode(DemoCpa.LAB);
        return http.send(HttpRequest.newBuilder(URI.create(nodes.hospital().apiBaseUri() + "/api/messages?" + query))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> soap(String contentType, byte[] content) throws Exception {
        String envelope = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
                + "<SubmitMessageRequest xmlns=\"urn:ebrelay:submission:1\"><cpaId>" + DemoCpa.CPA_ID + "</cpaId>"
                + "<action>" + DemoCpa.ORDER + "</action><to>" + DemoCpa.LAB + "</to><payload><contentType>"
                + contentType + "</contentType><content>" + Base64.getEncoder().encodeToString(content)
                + "</content></payload></SubmitMessageRequest></S:Body></S:Envelope>";
        return http.send(HttpRequest.newBuilder(URI.create(nodes.hospital().apiBaseUri() + "/soap/submission"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:ebrelay:submission:1:SubmitMessage\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
