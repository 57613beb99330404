package org.ebrelay.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ebrelay inspect} over the golden samples, end to end through the codec.
 * Needs the real {@code WireInputs} and {@code EbmsDecoder} (the codec work): fails against the stubs.
 */
class InspectGoldenSamplesTest {
    private static final String GOLDEN = "src/test/resources/golden/";
    private static final String CAPTURES = GOLDEN + "ebms-core-captures/";
    private static final String V3_PAYLOAD_ID = "2.25.118452870318213216476553409519541829817";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static JsonNode inspectJson(String file, int expectedExitCode) throws IOException {
        Cli.Run run = Cli.run("inspect", "--json", file);
        assertThat(run.exitCode()).as("exit code of inspect %s; stderr: %s", file, run.err()).isEqualTo(expectedExitCode);
        return JSON.readTree(run.out());
    }

    /** A template (golden note T) with its Thymeleaf placeholders replaced, as ebms-core would send it. */
    private String rendered(String template) throws IOException {
        String xml = Files.readString(Path.of(GOLDEN + template))
                .replace("th:eb:type=\"${partyType}\"", "eb:type=\"urn:osb:oin\"")
                .replace("th:eb:type=\"${serviceType}\"", "eb:type=\"urn:example:type\"")
                .replace("[[${fromPartyId}]]", "00000000000000000000")
                .replace("[[${toPartyId}]]", "00000000000000000001")
                .replace("[[${fromRole}]]", "Sender").replace("[[${toRole}]]", "Receiver")
                .replace("[[${cpaId}]]", "cpaStubEBF.rm.http.unsigned.sync")
                .replace("[[${service}]]", "urn:example:services:hl7").replace("[[${action}]]", "HL7Message")
                .replace("[[${uuid}]]", "6f1b2c9e-0000-4000-8000-000000000001")
                .replace("[[${refToMessageId}]]", "asked-about")
                .replace("[[${timestamp}]]", "2026-11-21T23:08:01Z")
                .replace("[[${timeToLive}]]", "2026-11-21T23:18:01Z");
        Path file = temp.resolve(template.replace(".template", ""));
        Files.writeString(file, xml);
        return file.toString();
    }

    /** The body of an HTTP response in a decoded capture, as a bare SOAP file. */
    private String responseBody(String capture) throws IOException {
        String text = Files.readString(Path.of(CAPTURES + capture)).replace("\r\n", "\n");
        Path file = temp.resolve("response.xml");
        Files.writeString(file, text.substring(text.indexOf("\n\n") + 2));
        return file.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            GOLDEN + "01-nhs-spine-hl7v3-request-with-payload.mime",
            GOLDEN + "02-hermes-http-post-message-with-payload.http",
            GOLDEN + "03-nhs-spine-acknowledgment.xml",
            GOLDEN + "04-nav-signed-acknowledgment-with-ds-reference.xml",
            GOLDEN + "05-nhs-spine-message-error.xml",
            GOLDEN + "06-nhs-spine-soap-fault.xml",
            GOLDEN + "09-nav-signed-message-ackrequested-signed.xml",
            CAPTURES + "01-reliable-sync-ack/peer-to-gateway/001-request.raw",
            CAPTURES + "02-reliable-async-ack/gateway-to-peer/001-request.raw",
            CAPTURES + "03-ping-pong/peer-to-gateway/001-request.raw",
            CAPTURES + "04-status-request/gateway-to-peer/001-request.raw",
            CAPTURES + "06-reliable-sync-ack-signed/peer-to-gateway/001-request.raw",
            GOLDEN + "hermes-captures/01-async-A-to-B-userMessage.request.http",
            GOLDEN + "hermes-captures/02-async-B-to-A-acknowledgment.request.http"})
    void everyGoldenMessageIsReadable(String file) throws IOException {
        Cli.Run run = Cli.run("inspect", "--json", file);

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isIn(0, 1);
        assertThat(JSON.readTree(run.out()).get("readable").asBoolean()).isTrue();
    }

    @Test
    void reportsTheNhsSpineRequestWithItsStubV3Payload() throws IOException {
        JsonNode json = inspectJson(GOLDEN + "01-nhs-spine-hl7v3-request-with-payload.mime", 0);

        assertThat(json.get("kind").asText()).isEqualTo("UserMessage");
        assertThat(json.get("cpaId").asText()).isEqualTo("S1001A1630");
        assertThat(json.get("conversationId").asText()).isEqualTo("79F49A34-9798-404C-AEC4-FD38DD81C138");
        assertThat(json.get("messageId").asText()).isEqualTo("5BB171D4-53B2-4986-90CF-428BE6D157F5");
        assertThat(json.get("refToMessageId").isNull()).isTrue();
        assertThat(json.get("timestamp").asText()).isEqualTo("2012-03-15T06:51:08Z");
        JsonNode from = json.get("from").get("partyIds").get(0);
        assertThat(from.get("type").asText()).isEqualTo("urn:nhs:names:partyType:ocs+serviceInstance");
        assertThat(from.get("value").asText()).isEqualTo("TESTGEN-201324");
        assertThat(json.get("to").get("partyIds").get(0).get("value").asText()).isEqualTo("YEA-0000806");
        assertThat(json.get("service").get("value").asText()).isEqualTo("urn:nhs:names:services:pdsquery");
        assertThat(json.get("service").get("type").isNull()).isTrue();
        assertThat(json.get("action").asText()).isEqualTo("QUPA_IN000006UK02");
        assertThat(json.get("ackRequested").get("actor").asText()).isEqualTo("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH");
        assertThat(json.get("ackRequested").get("signed").asBoolean()).isFalse();
        assertThat(json.get("duplicateElimination").asBoolean()).isTrue();
        assertThat(json.get("syncReply").asBoolean()).isTrue();
        assertThat(json.get("signed").asBoolean()).isFalse();
        JsonNode payload = json.get("payloads").get(0);
        assertThat(json.get("payloads")).hasSize(1);
        assertThat(payload.get("contentId").asText()).isEqualTo("5BB171D4-53B2-4986-90CF-428BE6D157F5@spine.nhs.uk");
        assertThat(payload.get("hl7MessageId").isNull()).as("sample 01's v3 payload is a stub without id").isTrue();
        assertThat(json.get("problems")).isEmpty();
    }

    @Test
    void reportsTheHermesRequestWithTimesInUtcAndItsOddPayloadType() throws IOException {
        JsonNode json = inspectJson(GOLDEN + "02-hermes-http-post-message-with-payload.http", 1);

        assertThat(json.get("kind").asText()).isEqualTo("UserMessage");
        assertThat(json.get("timestamp").asText()).isEqualTo("2008-07-21T07:26:52.075Z");
        assertThat(json.get("timeToLive").asText()).isEqualTo("2008-07-21T07:26:52.075Z");
        assertThat(json.get("ackRequested").isNull()).isTrue();
        assertThat(json.get("duplicateElimination").asBoolean()).isFalse();
        JsonNode payload = json.get("payloads").get(0);
        assertThat(payload.get("contentId").asText()).isEqualTo("Payload-0");
        assertThat(payload.get("contentType").asText()).startsWith("application/octream");
        assertThat(payload.get("hl7MessageId").isNull()).isTrue();
        assertThat(json.get("problems")).as("TimeToLive equals Timestamp: expired when sent (HDR-7)")
                .anySatisfy(p -> assertThat(p.get("code").asText()).isEqualTo("TimeToLiveExpired"));
    }

    @Test
    void reportsTheHl7V3IdOfThePayloadEbmsCoreSent() throws IOException {
        JsonNode json = inspectJson(CAPTURES + "01-reliable-sync-ack/peer-to-gateway/001-request.raw", 0);

        assertThat(json.get("cpaId").asText()).isEqualTo("PEER-GATEWAY-HL7-RM-SYNC");
        assertThat(json.get("from").get("role").asText()).isEqualTo("PEER");
        assertThat(json.get("payloads").get(0).get("contentId").asText()).isEqualTo("f56b272b-3f39-47d2-b7b6-69fe5a14191f");
        assertThat(json.get("payloads").get(0).get("hl7MessageId").asText()).isEqualTo(V3_PAYLOAD_ID);
    }

    @Test
    void reportsASignedCaptureAsSigned() throws IOException {
        JsonNode json = inspectJson(CAPTURES + "06-reliable-sync-ack-signed/peer-to-gateway/001-request.raw", 0);

        assertThat(json.get("signed").asBoolean()).isTrue();
        assertThat(json.get("payloads").get(0).get("hl7MessageId").asText()).isEqualTo(V3_PAYLOAD_ID);
    }

    @Test
    void reportsAnAcknowledgment() throws IOException {
        JsonNode json = inspectJson(GOLDEN + "03-nhs-spine-acknowledgment.xml", 0);

        assertThat(json.get("kind").asText()).isEqualTo("Acknowledgment");
        assertThat(json.get("refToMessageId").asText()).isEqualTo("C614484E-4B10-499A-9ACD-5D645CFACF61");
        JsonNode ack = json.get("acknowledgment");
        assertThat(ack.get("timestamp").asText()).isEqualTo("2012-03-15T06:51:08Z");
        assertThat(ack.get("refToMessageId").asText()).isEqualTo("C614484E-4B10-499A-9ACD-5D645CFACF61");
        assertThat(ack.get("actor").asText()).isEqualTo("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH");
    }

    @Test
    void reportsTheSignedNavAcknowledgmentWithItsCopiedReference() throws IOException {
        Cli.Run run = Cli.run("inspect", "--json", GOLDEN + "04-nav-signed-acknowledgment-with-ds-reference.xml");
        JsonNode json = JSON.readTree(run.out());

        assertThat(json.get("kind").asText()).isEqualTo("Acknowledgment");
        assertThat(json.get("signed").asBoolean()).isTrue();
        assertThat(json.get("to").get("partyIds")).hasSize(2);
        assertThat(json.get("acknowledgment").get("references")).hasSize(1);
        assertThat(json.get("acknowledgment").get("references").get(0).get("uri").asText()).isEmpty();
    }

    @Test
    void aMessageErrorIsValidAndListsTheErrorsItCarries() throws IOException {
        JsonNode json = inspectJson(GOLDEN + "05-nhs-spine-message-error.xml", 0);

        assertThat(json.get("kind").asText()).isEqualTo("MessageError");
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("timestamp").asText()).as("no zone means UTC").isEqualTo("2013-10-24T15:08:07Z");
        JsonNode error = json.get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("ValueNotRecognized");
        assertThat(error.get("severity").asText()).isEqualTo("Error");
        assertThat(error.get("description").asText()).isEqualTo("501319:Unknown eb:CPAId");
    }

    @Test
    void aMessageErrorIsPrintedWithItsErrorLine() {
        Cli.Run run = Cli.run("inspect", GOLDEN + "05-nhs-spine-message-error.xml");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Kind:                 MessageError",
                "ValueNotRecognized (Error): 501319:Unknown eb:CPAId");
    }

    @Test
    void aReceivedSoapFaultIsReadableAndPrinted() throws IOException {
        JsonNode json = inspectJson(GOLDEN + "06-nhs-spine-soap-fault.xml", 0);

        assertThat(json.get("kind").asText()).isEqualTo("SoapFault");
        assertThat(json.get("faultCode").asText()).isEqualTo("Server");
        assertThat(json.get("faultString").asText()).isEqualTo("Application Exception");
        assertThat(json.get("messageId").isNull()).isTrue();
    }

    @Test
    void reportsARenderedPing() throws IOException {
        JsonNode json = inspectJson(rendered("07-ebms-core-ping.template.xml"), 0);

        assertThat(json.get("kind").asText()).isEqualTo("Ping");
        assertThat(json.get("syncReply").asBoolean()).isTrue();
        assertThat(json.get("messageId").asText()).isEqualTo("6f1b2c9e-0000-4000-8000-000000000001@localhost");
    }

    @Test
    void reportsARenderedStatusRequest() throws IOException {
        JsonNode json = inspectJson(rendered("08-ebms-core-status-request.template.xml"), 0);

        assertThat(json.get("kind").asText()).isEqualTo("StatusRequest");
        assertThat(json.get("statusRequest").get("refToMessageId").asText()).isEqualTo("asked-about@localhost");
    }

    @Test
    void flagsMessageOrderTogetherWithSyncReply() throws IOException {
        JsonNode json = inspectJson(rendered("10-ebms-core-message-order.template.xml"), 1);

        assertThat(json.get("messageOrder").get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("problems")).anySatisfy(p -> {
            assertThat(p.get("code").asText()).isEqualTo("Inconsistent");
            assertThat(p.get("severity").asText()).isEqualTo("Error");
        });
    }

    @Test
    void reportsAPongAndAStatusResponse() throws IOException {
        JsonNode pong = inspectJson(responseBody("03-ping-pong/peer-to-gateway/001-response.decoded.txt"), 0);
        JsonNode status = inspectJson(CAPTURES + "04-status-request/gateway-to-peer/001-request.raw", 0);

        assertThat(pong.get("kind").asText()).isEqualTo("Pong");
        assertThat(pong.get("refToMessageId").asText()).isEqualTo("ec6fb787-fe60-4923-b5c5-0fec31e43076@127.0.0.1");
        assertThat(status.get("kind").asText()).isEqualTo("StatusResponse");
        assertThat(status.get("statusResponse").get("messageStatus").asText()).isEqualTo("Received");
        assertThat(status.get("statusResponse").get("refToMessageId").asText())
                .isEqualTo("f9826489-2ab7-4cb4-9804-40411775ace2@127.0.0.1");
        assertThat(status.get("statusResponse").get("timestamp").asText()).isEqualTo("2026-11-21T23:08:04.299Z");
    }

    @Test
    void somethingThatIsNotAMessageIsUnreadable() throws IOException {
        Path garbage = temp.resolve("garbage.bin");
        Files.write(garbage, "this is not an ebXML message".getBytes(StandardCharsets.US_ASCII));

        Cli.Run text = Cli.run("inspect", garbage.toString());
        JsonNode json = inspectJson(garbage.toString(), 2);

        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.out()).contains("unreadable");
        assertThat(json.get("readable").asBoolean()).isFalse();
        assertThat(json.get("kind").isNull()).isTrue();
        assertThat(json.get("problems")).isNotEmpty();
    }
}
