package org.ebrelay.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Status queries, the inbox and partner diagnosis over real HTTP. */
class RestApiQueryTest {
    private static ApiTestNode node;
    private static HttpProbe http;

    @BeforeAll
    static void start() throws Exception {
        node = ApiTestNode.start();
        http = new HttpProbe(node.base());
        var one = FakeNodePorts.outbound("m1@hospital", "HL7-ONE", "AWAITING_ACK");
        var twinA = FakeNodePorts.outbound("m2@hospital", "HL7-TWICE", "MANUAL");
        var twinB = FakeNodePorts.outbound("m3@hospital", "HL7-TWICE", "COMPLETE");
        node.ports.messagesById.put("m1@hospital", List.of(one));
        node.ports.messagesById.put("first-m1@hospital", List.of(one));
        node.ports.messagesById.put("HL7-TWICE", List.of(twinA, twinB));
        node.ports.deliveries.put("d-1", FakeNodePorts.delivery("d-1", false));
        node.ports.deliveries.put("d-2", FakeNodePorts.delivery("d-2", true));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @Test
    void aMessageIdGivesAListOfOneMessageWithEveryStatusField() {
        HttpProbe.Answer answer = http.get("/api/messages/first-m1@hospital");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode messages = answer.json().get("messages");
        assertThat(messages).hasSize(1);
        JsonNode m = messages.get(0);
        assertThat(m.get("messageId").asText()).isEqualTo("m1@hospital");
        assertThat(m.get("messageIds").get(0).asText()).isEqualTo("first-m1@hospital");
        assertThat(m.get("messageIds").get(1).asText()).isEqualTo("m1@hospital");
        assertThat(m.get("hl7MessageId").asText()).isEqualTo("HL7-ONE");
        assertThat(m.get("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(m.get("state").asText()).isEqualTo("AWAITING_ACK");
        assertThat(m.get("attempts").asInt()).isEqualTo(3);
        assertThat(m.get("cpaId").asText()).isEqualTo("cpa-hl7");
        assertThat(m.get("from").asText()).isEqualTo("urn:oid:1.2.3:HOSPITAL");
        assertThat(m.get("to").asText()).isEqualTo("urn:oid:1.2.3:LAB");
        assertThat(m.get("createdAt").asText()).isEqualTo("2026-11-20T10:15:30Z");
        JsonNode retry = m.get("events").get(1);
        assertThat(retry.get("time").asText()).isEqualTo("2026-11-20T10:15:35Z");
        assertThat(retry.get("type").asText()).isEqualTo("RETRY");
        assertThat(retry.get("detail").asText()).isEqualTo("connection refused");
        assertThat(m.get("events").get(0).get("detail").isNull()).isTrue();
    }

    @Test
    void anHl7IdOfSeveralMessagesGivesThemAll() {
        JsonNode messages = http.get("/api/messages/HL7-TWICE").json().get("messages");

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("messageId").asText()).isEqualTo("m2@hospital");
        assertThat(messages.get(1).get("messageId").asText()).isEqualTo("m3@hospital");
    }

    @Test
    void anUnknownIdIs404ByPathAndAnEmptyListBySearch() {
        HttpProbe.Answer byPath = http.get("/api/messages/nobody@nowhere");
        HttpProbe.Answer bySearch = http.get("/api/messages?id=nobody@nowhere");

        assertThat(byPath.status()).isEqualTo(404);
        assertThat(byPath.json().get("error").asText()).isEqualTo("NotFound");
        assertThat(byPath.json().get("detail").asText()).contains("nobody@nowhere");
        assertThat(bySearch.status()).isEqualTo(200);
        assertThat(bySearch.json().get("messages")).isEmpty();
    }

    @Test
    void theIdSearchFindsIdsThatCannotTravelInAPath() {
        node.ports.messagesById.put("a/b?c#d@host", List.of(FakeNodePorts.outbound("a/b?c#d@host", null, "QUEUED")));

        JsonNode messages = http.get("/api/messages?id=a%2Fb%3Fc%23d%40host").json().get("messages");

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("messageId").asText()).isEqualTo("a/b?c#d@host");
        assertThat(messages.get(0).get("hl7MessageId").isNull()).isTrue();
    }

    @Test
    void messagesByStatePassStateAndLimitToTheUseCase() {
        HttpProbe.Answer answer = http.get("/api/messages?state=manual&limit=5");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(node.ports.lastStateQuery).isEqualTo("MANUAL");
        assertThat(node.ports.lastLimit).isEqualTo(5);
        assertThat(answer.json().get("messages")).hasSize(1);
        assertThat(answer.json().get("messages").get(0).get("messageId").asText()).isEqualTo("m2@hospital");
    }

    @Test
    void anUnknownStateIsAMalformedRequestNamingIt() {
        HttpProbe.Answer answer = http.get("/api/messages?state=sent");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("MalformedRequest");
        assertThat(answer.json().get("detail").asText()).isEqualTo("unknown state 'SENT'");
    }

    @Test
    void aSearchNeedsExactlyOneCriterionAndASaneLimit() {
        assertThat(http.get("/api/messages").status()).isEqualTo(400);
        assertThat(http.get("/api/messages?id=x&state=QUEUED").status()).isEqualTo(400);
        HttpProbe.Answer limit = http.get("/api/messages?state=QUEUED&limit=0");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("detail").asText()).contains("'limit'");
        HttpProbe.Answer notANumber = http.get("/api/messages?state=QUEUED&limit=many");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("detail").asText()).contains("'limit'");
    }

    @Test
    void theInboxListsUnconfirmedDeliveriesWithoutPayloadContent() {
        HttpProbe.Answer answer = http.get("/api/inbox");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode deliveries = answer.json().get("deliveries");
        assertThat(deliveries).hasSize(1);
        JsonNode d = deliveries.get(0);
        assertThat(d.get("deliveryId").asText()).isEqualTo("d-1");
        assertThat(d.get("messageId").asText()).isEqualTo("in-d-1@partner.test");
        assertThat(d.get("hl7MessageId").asText()).isEqualTo("HL7-d-1");
        assertThat(d.get("cpaId").asText()).isEqualTo("cpa-hl7");
        assertThat(d.get("from").asText()).isEqualTo("urn:oid:1.2.3:HOSPITAL");
        assertThat(d.get("to").asText()).isEqualTo("urn:oid:1.2.3:LAB");
        assertThat(d.get("service").asText()).isEqualTo("urn:hl7:v2");
        assertThat(d.get("action").asText()).isEqualTo("ORU_R01");
        assertThat(d.get("receivedAt").asText()).isEqualTo("2026-11-20T10:15:30Z");
        assertThat(d.get("confirmed").asBoolean()).isFalse();
        JsonNode payload = d.get("payloads").get(0);
        assertThat(payload.get("contentId").asText()).isEqualTo("payload-1");
        assertThat(payload.get("contentType").asText()).isEqualTo("application/hl7-v2");
        assertThat(payload.get("size").asInt()).isEqualTo(13);
        assertThat(payload.has("content")).isFalse();
    }

    @Test
    void allTrueIncludesConfirmedDeliveriesAndThePartyIsPassedInItsTextForm() {
        JsonNode deliveries = http.get("/api/inbox?all=true&party=urn:oid:1.2.3:LAB").json().get("deliveries");

        assertThat(deliveries).hasSize(2);
        assertThat(node.ports.inboxQueries).contains("urn:oid:1.2.3:LAB|true");
        assertThat(http.get("/api/inbox?party=LAB").status()).isEqualTo(400);
    }

    @Test
    void oneDeliveryCarriesItsPayloadContentInBase64() {
        HttpProbe.Answer answer = http.get("/api/inbox/d-1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("payloads").get(0).get("content").asText()).isEqualTo("TVNIfF5+XCZ8TEFCDQ==");
        assertThat(http.get("/api/inbox/d-404").status()).isEqualTo(404);
    }

    @Test
    void confirmingSaysWhetherItWasNewAndAnUnknownDeliveryIs404() {
        node.ports.deliveries.put("d-3", FakeNodePorts.delivery("d-3", false));

        HttpProbe.Answer first = http.post("/api/inbox/d-3/confirm", null, new byte[0]);
        HttpProbe.Answer second = http.post("/api/inbox/d-3/confirm", null, new byte[0]);
        HttpProbe.Answer unknown = http.post("/api/inbox/d-404/confirm", null, new byte[0]);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("deliveryId").asText()).isEqualTo("d-3");
        assertThat(first.json().get("result").asText()).isEqualTo("CONFIRMED");
        assertThat(second.json().get("result").asText()).isEqualTo("ALREADY_CONFIRMED");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("NotFound");
    }

    @Test
    void pingReportsThePongAndTheRoundTrip() {
        HttpProbe.Answer answer = http.postJson("/api/ping", """
                {"cpaId": "cpa-hl7", "to": "urn:oid:1.2.3:LAB"}""");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("pingMessageId").asText()).isEqualTo("ping-1@ebrelay.test");
        assertThat(json.get("pongMessageId").asText()).isEqualTo("pong-1@partner.test");
        assertThat(json.get("roundTripMillis").asLong()).isEqualTo(42);
        assertThat(json.get("error").isNull()).isTrue();
        assertThat(node.ports.diagnoses).contains("ping cpa-hl7 null urn:oid:1.2.3:LAB");
    }

    @Test
    void aPartnerThatDoesNotAnswerIsAnOutcomeNotAnApiError() {
        JsonNode json = http.postJson("/api/ping", """
                {"cpaId": "cpa-hl7", "from": "urn:oid:1.2.3:HOSPITAL", "to": "urn:oid:1.2.3:SILENT"}""").json();

        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("error").asText()).contains("no Pong");
        assertThat(json.get("roundTripMillis").isNull()).isTrue();
    }

    @Test
    void aStatusRequestReportsThePartnersStatusAndTimestamp() {
        HttpProbe.Answer answer = http.postJson("/api/status-request", """
                {"cpaId": "cpa-hl7", "to": "urn:oid:1.2.3:LAB", "messageId": "m1@hospital"}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("messageId").asText()).isEqualTo("m1@hospital");
        assertThat(answer.json().get("status").asText()).isEqualTo("Received");
        assertThat(answer.json().get("timestamp").asText()).isEqualTo("2026-11-20T10:15:30Z");
        assertThat(http.postJson("/api/status-request", """
                {"cpaId": "cpa-hl7", "to": "urn:oid:1.2.3:LAB"}""").status()).isEqualTo(400);
    }
}
