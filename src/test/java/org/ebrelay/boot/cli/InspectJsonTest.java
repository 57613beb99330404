package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ebrelay.adapter.hl7.Hl7MessageIds;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InspectJsonTest {
    private static final Hl7MessageIds HL7 = new Hl7MessageIds();
    private static final ObjectMapper READER = new ObjectMapper();

    private static JsonNode json(Decoded decoded) throws Exception {
        String text = InspectJson.render(InspectReport.from(decoded, HL7));
        return READER.readTree(text);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void writesOneObjectWithEveryKeyInAStableOrder() throws Exception {
        JsonNode json = json(new Decoded(InspectFixtures.userMessage(), null, List.of()));

        assertThat(json.isObject()).isTrue();
        assertThat(keys(json)).containsExactly("readable", "valid", "kind", "cpaId", "conversationId", "messageId",
                "refToMessageId", "timestamp", "timeToLive", "from", "to", "service", "action", "ackRequested",
                "duplicateElimination", "syncReply", "signed", "messageOrder", "acknowledgment", "statusRequest",
                "statusResponse", "payloads", "errors", "problems", "faultCode", "faultString", "faultDetail");
    }

    @Test
    void writesTimesAsIsoUtcStringsAndAbsentValuesAsNull() throws Exception {
        JsonNode json = json(new Decoded(InspectFixtures.userMessage(), null, List.of()));

        assertThat(json.get("timestamp").asText()).isEqualTo("2026-11-21T23:08:01.339Z");
        assertThat(json.get("timeToLive").asText()).isEqualTo("2026-11-21T23:08:21.339Z");
        assertThat(json.get("refToMessageId").isNull()).isTrue();
        assertThat(json.get("acknowledgment").isNull()).isTrue();
        assertThat(json.get("faultCode").isNull()).isTrue();
    }

    @Test
    void writesPartiesServiceAndFlagsAsNestedObjects() throws Exception {
        JsonNode json = json(new Decoded(InspectFixtures.userMessage(), null, List.of()));

        assertThat(json.get("kind").asText()).isEqualTo("UserMessage");
        JsonNode fromIds = json.get("from").get("partyIds");
        assertThat(fromIds).hasSize(2);
        assertThat(fromIds.get(0).get("type").asText()).isEqualTo("urn:oid:1.2.826.0.1285.0.2.0.107");
        assertThat(fromIds.get(0).get("value").asText()).isEqualTo("PEER");
        assertThat(fromIds.get(1).get("type").isNull()).isTrue();
        assertThat(json.get("from").get("role").asText()).isEqualTo("PEER");
        assertThat(json.get("service").get("type").asText()).isEqualTo("urn:example:type");
        assertThat(json.get("service").get("value").asText()).isEqualTo("urn:example:services:hl7");
        assertThat(json.get("ackRequested").get("actor").asText()).isEqualTo("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH");
        assertThat(json.get("ackRequested").get("signed").asBoolean()).isTrue();
        assertThat(json.get("duplicateElimination").asBoolean()).isTrue();
        assertThat(json.get("messageOrder").get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(json.get("messageOrder").get("status").asText()).isEqualTo("Reset");
    }

    @Test
    void writesPayloadsWithTheirHl7Ids() throws Exception {
        JsonNode payloads = json(new Decoded(InspectFixtures.userMessage(), null, List.of())).get("payloads");

        assertThat(keys(payloads.get(0))).containsExactly("contentId", "contentType", "size", "hl7MessageId");
        assertThat(payloads.get(0).get("hl7MessageId").asText()).isEqualTo("HL7-0001");
        assertThat(payloads.get(0).get("size").asInt()).isEqualTo(InspectFixtures.ER7.length());
        assertThat(payloads.get(1).get("hl7MessageId").isNull()).isTrue();
    }

    @Test
    void writesCarriedErrorsAndProblemsInTheSameShape() throws Exception {
        EbmsError problem = EbmsError.error(ErrorCode.INCONSISTENT, "//eb:SyncReply", "SyncReply with MessageOrder");

        JsonNode json = json(new Decoded(InspectFixtures.messageError(), null, List.of(problem)));

        JsonNode error = json.get("errors").get(0);
        JsonNode found = json.get("problems").get(0);
        assertThat(keys(error)).containsExactly("code", "severity", "location", "description", "codeContext");
        assertThat(keys(found)).isEqualTo(keys(error));
        assertThat(error.get("code").asText()).isEqualTo("ValueNotRecognized");
        assertThat(error.get("severity").asText()).isEqualTo("Error");
        assertThat(error.get("location").isNull()).isTrue();
        assertThat(found.get("code").asText()).isEqualTo("Inconsistent");
        assertThat(found.get("location").asText()).isEqualTo("//eb:SyncReply");
        assertThat(json.get("valid").asBoolean()).isFalse();
    }

    @Test
    void writesAcknowledgmentAndStatusDetails() throws Exception {
        JsonNode ack = json(new Decoded(InspectFixtures.signedAcknowledgment(), null, List.of())).get("acknowledgment");
        JsonNode status = json(new Decoded(InspectFixtures.statusResponse(), null, List.of())).get("statusResponse");

        assertThat(ack.get("timestamp").asText()).isEqualTo("2026-11-21T23:08:02Z");
        assertThat(ack.get("refToMessageId").asText()).isEqualTo("orig-1@gateway");
        assertThat(ack.get("references").get(0).get("digestValue").asText()).isEqualTo("ZGlnZXN0");
        assertThat(status.get("messageStatus").asText()).isEqualTo("Received");
        assertThat(status.get("timestamp").asText()).isEqualTo("2026-11-20T10:00:00Z");
    }

    @Test
    void writesAReceivedFaultWithItsCodeAndString() throws Exception {
        JsonNode json = json(new Decoded(null, new SoapFault("Server", "Application Exception", null), List.of()));

        assertThat(json.get("kind").asText()).isEqualTo("SoapFault");
        assertThat(json.get("faultCode").asText()).isEqualTo("Server");
        assertThat(json.get("faultString").asText()).isEqualTo("Application Exception");
        assertThat(json.get("faultDetail").isNull()).isTrue();
        assertThat(json.get("readable").asBoolean()).isTrue();
    }
}
