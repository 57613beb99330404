package org.ebrelay.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/messages over real HTTP: both request forms, refusals and malformed requests. */
class RestApiSubmissionTest {
    private static final String HL7 = "MSH|^~\\&|HIS|HOSPITAL|LIS|LAB|20261120101530||ORM^O01|MSG00001|P|2.5.1\r";
    private static ApiTestNode node;
    private static HttpProbe http;

    @BeforeAll
    static void start() throws Exception {
        node = ApiTestNode.start();
        http = new HttpProbe(node.base());
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @BeforeEach
    void forgetEarlierSubmissions() {
        node.ports.submissions.clear();
    }

    @Test
    void aJsonSubmissionIsAcceptedWith202AndItsIdsAndEveryFieldReachesTheUseCase() {
        String base64 = Base64.getEncoder().encodeToString(HL7.getBytes(StandardCharsets.US_ASCII));
        HttpProbe.Answer answer = http.postJson("/api/messages", """
                {"cpaId": "cpa-hl7", "service": {"type": "HL7", "value": "lab-orders"}, "action": "ORM_O01",
                 "from": "urn:oid:1.2.3:HOSPITAL", "to": "urn:oid:1.2.3:LAB",
                 "payloads": [{"contentType": "application/hl7-v2", "content": "%s"}],
                 "hl7MessageId": "MSG00001", "conversationId": "conv-7"}""".formatted(base64));

        assertThat(answer.status()).isEqualTo(202);
        JsonNode json = answer.json();
        assertThat(json.get("messageId").asText()).isEqualTo("msg-1@ebrelay.test");
        assertThat(json.get("hl7MessageId").asText()).isEqualTo("MSG00001");
        assertThat(json.get("state").asText()).isEqualTo("QUEUED");
        assertThat(answer.header("Location")).endsWith("/api/messages/msg-1@ebrelay.test");

        Submission s = node.ports.submissions.get(0);
        assertThat(s.cpaId().value()).isEqualTo("cpa-hl7");
        assertThat(s.service()).isEqualTo(Service.of("HL7", "lab-orders"));
        assertThat(s.action()).isEqualTo("ORM_O01");
        assertThat(s.from()).isEqualTo(PartyId.of("urn:oid:1.2.3", "HOSPITAL"));
        assertThat(s.to()).isEqualTo(PartyId.of("urn:oid:1.2.3", "LAB"));
        assertThat(s.payloads()).hasSize(1);
        assertThat(s.payloads().get(0).contentType()).isEqualTo("application/hl7-v2");
        assertThat(new String(s.payloads().get(0).content(), StandardCharsets.US_ASCII)).isEqualTo(HL7);
        assertThat(s.hl7MessageId()).isEqualTo("MSG00001");
        assertThat(s.conversationId().value()).isEqualTo("conv-7");
    }

    @Test
    void optionalFieldsMayBeLeftOutAndAnUntypedPartyIsWrittenWithALeadingColon() {
        HttpProbe.Answer answer = http.postJson("/api/messages", """
                {"cpaId": "cpa-hl7", "action": "ORM_O01", "to": ":urn:oid:1.2.3.4",
                 "payloads": [{"contentType": "text/xml", "content": "PGEvPg=="}]}""");

        assertThat(answer.status()).isEqualTo(202);
        Submission s = node.ports.submissions.get(0);
        assertThat(s.service()).isNull();
        assertThat(s.from()).isNull();
        assertThat(s.to()).isEqualTo(PartyId.untyped("urn:oid:1.2.3.4"));
        assertThat(s.hl7MessageId()).isNull();
        assertThat(s.conversationId()).isNull();
        assertThat(s.payloads().get(0).content()).asString().isEqualTo("<a/>");
    }

    @Test
    void aRefusedSubmissionAnswers422WithTheUseCasesErrorAndDetail() {
        HttpProbe.Answer answer = http.postJson("/api/messages", """
                {"cpaId": "%s", "action": "ORM_O01", "to": "urn:oid:1.2.3:LAB",
                 "payloads": [{"contentType": "application/hl7-v2", "content": "TVNIfA=="}]}"""
                .formatted(FakeNodePorts.REFUSING_CPA));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.json().get("error").asText()).isEqualTo("UnknownCpa");
        assertThat(answer.json().get("detail").asText()).contains(FakeNodePorts.REFUSING_CPA);
    }

    @Test
    void theRawFormTakesThePayloadAsTheBodyAndEverythingElseFromTheQuery() {
        HttpProbe.Answer answer = http.post("/api/messages?cpa=cpa-hl7&action=ORM_O01&to=urn:oid:1.2.3:LAB"
                        + "&from=urn:oid:1.2.3:HOSPITAL&service=lab-orders&serviceType=HL7&hl7MessageId=H-9"
                        + "&conversationId=c-9",
                "application/hl7-v2; charset=ISO-8859-1", HL7.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("hl7MessageId").asText()).isEqualTo("H-9");
        Submission s = node.ports.submissions.get(0);
        assertThat(s.cpaId().value()).isEqualTo("cpa-hl7");
        assertThat(s.action()).isEqualTo("ORM_O01");
        assertThat(s.to()).isEqualTo(PartyId.of("urn:oid:1.2.3", "LAB"));
        assertThat(s.from()).isEqualTo(PartyId.of("urn:oid:1.2.3", "HOSPITAL"));
        assertThat(s.service()).isEqualTo(Service.of("HL7", "lab-orders"));
        assertThat(s.conversationId().value()).isEqualTo("c-9");
        assertThat(s.payloads().get(0).contentType()).isEqualToIgnoringCase("application/hl7-v2;charset=ISO-8859-1");
        assertThat(s.payloads().get(0).content()).isEqualTo(HL7.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theRawFormCanSendAJsonPayloadBecauseTheCpaParameterSelectsIt() {
        HttpProbe.Answer answer = http.post("/api/messages?cpa=cpa-fhir&action=Bundle&to=urn:x:LAB",
                "application/fhir+json", "{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(node.ports.submissions.get(0).payloads().get(0).contentType()).isEqualTo("application/fhir+json");
    }

    @Test
    void malformedJsonIsA400WithAJsonErrorNeverAnHtmlPage() {
        HttpProbe.Answer answer = http.postJson("/api/messages", "{\"cpaId\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.json().get("error").asText()).isEqualTo("MalformedRequest");
        assertThat(answer.json().get("detail").asText()).startsWith("the JSON body cannot be read");
        assertThat(node.ports.submissions).isEmpty();
    }

    @Test
    void eachMissingOrUnreadableFieldIsNamedInThe400() {
        assertMalformed("""
                {"cpaId": "c", "action": "A", "payloads": [{"contentType": "text/plain", "content": "YQ=="}]}""",
                "'to' is required");
        assertMalformed("""
                {"cpaId": "c", "action": "A", "to": "LAB", "payloads": [{"contentType": "text/plain", "content": "YQ=="}]}""",
                "'to': PartyId 'LAB' has no type");
        assertMalformed("""
                {"cpaId": "c", "action": "A", "to": "urn:x:B", "payloads": []}""",
                "'payloads' needs at least one payload");
        assertMalformed("""
                {"cpaId": "c", "action": "A", "to": "urn:x:B", "payloads": [{"content": "YQ=="}]}""",
                "'payloads[0].contentType' is required");
        assertMalformed("""
                {"cpaId": "c", "action": "A", "to": "urn:x:B", "payloads": [{"contentType": "t/p", "content": "%%%"}]}""",
                "the JSON body cannot be read");
        assertMalformed("""
                {"cpaId": "c", "action": "A", "to": "urn:x:B", "payload": []}""",
                "unknown field 'payload'");
        assertMalformed("""
                {"cpaId": " ", "action": "A", "to": "urn:x:B", "payloads": [{"contentType": "t/p", "content": "YQ=="}]}""",
                "'cpaId' is required");
        assertThat(node.ports.submissions).isEmpty();
    }

    @Test
    void theRawFormRefusesFormEncodingUnknownParametersAndAnEmptyBody() {
        HttpProbe.Answer form = http.post("/api/messages?cpa=c&action=A&to=urn:x:B",
                "application/x-www-form-urlencoded", "MSH|".getBytes(StandardCharsets.US_ASCII));
        HttpProbe.Answer typo = http.post("/api/messages?cpa=c&action=A&to=urn:x:B&hl7id=1",
                "application/hl7-v2", "MSH|".getBytes(StandardCharsets.US_ASCII));
        HttpProbe.Answer empty = http.post("/api/messages?cpa=c&action=A&to=urn:x:B", "application/hl7-v2",
                new byte[0]);

        assertThat(form.status()).isEqualTo(400);
        assertThat(form.json().get("detail").asText()).contains("--data-binary");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("detail").asText()).contains("unknown query parameter 'hl7id'");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("empty");
        assertThat(node.ports.submissions).isEmpty();
    }

    @Test
    void aBodyThatIsNeitherJsonNorTheRawFormIs415() {
        HttpProbe.Answer answer = http.post("/api/messages", "application/hl7-v2",
                HL7.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().get("error").asText()).isEqualTo("UnsupportedMediaType");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        try (ApiTestNode small = ApiTestNode.start(org.ebrelay.app.AccessCheck.PERMIT_ALL, 100)) {
            HttpProbe.Answer answer = new HttpProbe(small.base()).post("/api/messages?cpa=c&action=A&to=urn:x:B",
                    "application/hl7-v2", new byte[101]);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.json().get("error").asText()).isEqualTo("PayloadTooLarge");
            assertThat(small.ports.submissions).isEmpty();
        }
    }

    private static void assertMalformed(String json, String detail) {
        HttpProbe.Answer answer = http.postJson("/api/messages", json);
        assertThat(answer.status()).as(json).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("MalformedRequest");
        assertThat(answer.json().get("detail").asText()).contains(detail);
    }
}
