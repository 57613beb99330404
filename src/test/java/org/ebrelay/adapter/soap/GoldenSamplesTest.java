package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.Decoded;

import org.ebrelay.app.port.out.SoapFault;

import org.ebrelay.app.port.out.WireMessage;

import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ManifestReference;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.SequenceStatus;
import org.ebrelay.domain.message.Severity;
import org.ebrelay.domain.message.SignatureReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every golden wire sample, decoded field by field (ebMS 2.0 digest section 19, test 1). */
class GoldenSamplesTest {
    private static final EbmsDecoder DECODER = new EbmsDecoder();
    private static final String NHS_PARTY = "urn:nhs:names:partyType:ocs+serviceInstance";
    private static final String MSH_SERVICE = "urn:oasis:names:tc:ebxml-msg:service";

    static Decoded decodeFile(String relative) {
        return DECODER.decode(WireInputs.read(GoldenFiles.bytes(relative)));
    }

    static EbmsMessage messageOf(Decoded decoded) {
        assertThat(decoded.receivedFault()).isNull();
        assertThat(decoded.message()).as("decoded message (problems: %s)", decoded.problems()).isNotNull();
        return decoded.message();
    }

    static void assertParty(Party party, String role, String... typeThenValue) {
        Object[][] pairs = new Object[typeThenValue.length / 2][];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new Object[] {typeThenValue[2 * i], typeThenValue[2 * i + 1]};
        }
        assertThat(party.partyIds()).extracting(PartyId::type, PartyId::value)
                .containsExactly(Arrays.stream(pairs).map(p -> tuple(p[0], p[1])).toArray(org.assertj.core.groups.Tuple[]::new));
        assertThat(party.role()).isEqualTo(role);
    }

    static void assertHeader(MessageHeader header, String cpaId, String conversationId, String messageId,
                             String refToMessageId, String timestamp) {
        assertThat(header.cpaId().value()).isEqualTo(cpaId);
        assertThat(header.conversationId().value()).isEqualTo(conversationId);
        assertThat(header.messageId().value()).isEqualTo(messageId);
        assertThat(header.refToMessageId() == null ? null : header.refToMessageId().value()).isEqualTo(refToMessageId);
        assertThat(header.messageData().timestamp()).isEqualTo(Instant.parse(timestamp));
    }

    static void assertService(MessageHeader header, String type, String value, String action) {
        assertThat(header.service().type()).isEqualTo(type);
        assertThat(header.service().value()).isEqualTo(value);
        assertThat(header.action()).isEqualTo(action);
    }

    /** The bytes between a part's empty line and the line break before the next delimiter, found by plain search. */
    static byte[] partContent(String file, String headerEnd, String nextDelimiter) {
        String text = new String(GoldenFiles.bytes(file), StandardCharsets.ISO_8859_1);
        int start = text.indexOf(headerEnd) + headerEnd.length();
        int end = text.indexOf(nextDelimiter, start);
        return text.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Nested
    class Samples {
        @Test
        void sample01IsAValidReliableHl7v3RequestWhosePayloadIsFoundByItsCid() {
            Decoded decoded = decodeFile("01-nhs-spine-hl7v3-request-with-payload.mime");
            EbmsMessage m = messageOf(decoded);

            assertThat(decoded.problems()).isEmpty();
            assertThat(m.kind()).isEqualTo(MessageKind.USER_MESSAGE);
            assertHeader(m.header(), "S1001A1630", "79F49A34-9798-404C-AEC4-FD38DD81C138",
                    "5BB171D4-53B2-4986-90CF-428BE6D157F5", null, "2012-03-15T06:51:08Z");
            assertParty(m.header().from(), null, NHS_PARTY, "TESTGEN-201324");
            assertParty(m.header().to(), null, NHS_PARTY, "YEA-0000806");
            assertService(m.header(), null, "urn:nhs:names:services:pdsquery", "QUPA_IN000006UK02");
            assertThat(m.header().messageData().timeToLive()).isNull();
            assertThat(m.header().duplicateElimination()).isTrue();
            assertThat(m.ackRequested().actor()).isEqualTo(Actor.TO_PARTY_MSH);
            assertThat(m.ackRequested().signed()).isFalse();
            assertThat(m.syncReply()).isTrue();
            assertThat(m.signed()).isFalse();
            ManifestReference reference = m.manifest().references().get(0);
            assertThat(reference.href()).isEqualTo("cid:5BB171D4-53B2-4986-90CF-428BE6D157F5@spine.nhs.uk");
            assertThat(reference.schemas()).extracting(ManifestReference.SchemaLocation::location, ManifestReference.SchemaLocation::version)
                    .containsExactly(tuple("http://www.nhsia.nhs.uk/schemas/HL7-Message.xsd", "1.0"));
            assertThat(reference.descriptions()).singleElement()
                    .satisfies(d -> assertThat(d.lang() + "|" + d.text()).isEqualTo("en|HL7 payload"));
            Payload payload = m.payloads().get(0);
            assertThat(m.payloads()).hasSize(1);
            assertThat(payload.contentId()).isEqualTo("5BB171D4-53B2-4986-90CF-428BE6D157F5@spine.nhs.uk");
            assertThat(payload.contentType()).isEqualTo("text/xml; charset=UTF-8");
            assertThat(new String(payload.content(), StandardCharsets.UTF_8))
                    .isEqualTo("<QUPA_IN000006UK02 xmlns=\"urn:hl7-org:v3\"></QUPA_IN000006UK02>");
        }

        @Test
        void sample01WithTheHttpHeadersNhsSendsFindsItsRootByStart() {
            WireMessage wire = new WireMessage("multipart/related; boundary=\"--=_MIME-Boundary\"; charset=\"UTF-8\"; "
                    + "type=\"text/xml\"; start=\"<ebXMLHeader@spine.nhs.uk>\"",
                    "urn:nhs:names:services:pdsquery/QUPA_IN000006UK02",
                    GoldenFiles.bytes("01-nhs-spine-hl7v3-request-with-payload.mime"));
            Decoded decoded = DECODER.decode(wire);

            assertThat(decoded.problems()).as("the Spine SOAPAction is the HTTP layer's business").isEmpty();
            assertThat(messageOf(decoded).payloads()).extracting(Payload::size).containsExactly(62);
        }

        @Test
        void sample02IsAHermesPostWhoseTimeToLiveHadPassedWhenItWasSent() {
            WireMessage wire = WireInputs.read(GoldenFiles.bytes("02-hermes-http-post-message-with-payload.http"));
            Decoded decoded = DECODER.decode(wire);
            EbmsMessage m = messageOf(decoded);

            assertThat(wire.soapAction()).isEqualTo("\"ebXML\"");
            assertThat(decoded.problems()).singleElement().satisfies(p -> {
                assertThat(p.is(ErrorCode.TIME_TO_LIVE_EXPIRED)).isTrue();
                assertThat(p.severity()).isEqualTo(Severity.ERROR);
                assertThat(p.location()).isEqualTo("//Header/MessageHeader/MessageData/TimeToLive");
            });
            assertHeader(m.header(), "cpaid", "convId", "20080721-152652-07404@192.168.0.51", null,
                    "2008-07-21T07:26:52.075Z");
            assertThat(m.header().messageData().timeToLive()).isEqualTo(Instant.parse("2008-07-21T07:26:52.075Z"));
            assertParty(m.header().from(), null, "fromPartyType", "fromPartyId");
            assertParty(m.header().to(), null, "toPartyType", "toPartyId");
            assertService(m.header(), null, "http://localhost:8080/corvus/httpd/ebms/inbound", "action");
            assertThat(m.ackRequested()).isNull();
            assertThat(m.syncReply()).isFalse();
            assertThat(m.header().duplicateElimination()).isFalse();
            assertThat(m.manifest().references()).extracting(ManifestReference::href, ManifestReference::id)
                    .containsExactly(tuple("cid:Payload-0", "Payload-0"));
            Payload payload = m.payloads().get(0);
            assertThat(payload.contentId()).isEqualTo("Payload-0");
            assertThat(payload.contentType()).isEqualTo("application/octream");
            assertThat(payload.content()).isEqualTo(partContent("02-hermes-http-post-message-with-payload.http",
                    "Content-Id: <Payload-0>\n\n", "\n------=_Part_10_15889049.1216625212140--"));
        }

        @Test
        void sample03IsAValidStandaloneAcknowledgment() {
            Decoded decoded = decodeFile("03-nhs-spine-acknowledgment.xml");
            EbmsMessage m = messageOf(decoded);

            assertThat(decoded.problems()).isEmpty();
            assertThat(m.kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
            assertHeader(m.header(), "S1001A1630", "10F5A436-1913-43F0-9F18-95EA0E43E61A",
                    "5BB171D4-53B2-4986-90CF-428BE6D157F5", "C614484E-4B10-499A-9ACD-5D645CFACF61", "2019-05-04T20:55:16Z");
            assertParty(m.header().from(), null, NHS_PARTY, "FROM_PARTY_ID");
            assertParty(m.header().to(), null, NHS_PARTY, "YES-0000806");
            assertService(m.header(), null, MSH_SERVICE, "Acknowledgment");
            assertThat(m.acknowledgment().timestamp()).isEqualTo(Instant.parse("2012-03-15T06:51:08Z"));
            assertThat(m.acknowledgment().refToMessageId().value()).isEqualTo("C614484E-4B10-499A-9ACD-5D645CFACF61");
            assertThat(m.acknowledgment().actor()).isEqualTo(Actor.TO_PARTY_MSH);
            assertParty(m.acknowledgment().from(), null, NHS_PARTY, "FROM_PARTY_ID");
            assertThat(m.acknowledgment().references()).isEmpty();
            assertThat(m.ackRequested()).isNull();
            assertThat(m.signed()).isFalse();
            assertThat(m.payloads()).isEmpty();
        }

        @Test
        void sample04IsASignedAcknowledgmentWhosePlaceholderBase64FailsTheSchema() {
            Decoded decoded = decodeFile("04-nav-signed-acknowledgment-with-ds-reference.xml");
            EbmsMessage m = messageOf(decoded);

            assertThat(m.kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
            assertThat(m.signed()).isTrue();
            assertHeader(m.header(), "nav:qass:34986", "20250124-114229-355", "7a631915-eb02-4b58-bd8c-4851d37c2590",
                    "20250124-114229-35564@qa.ebxml.nav.no", "2025-01-24T10:42:58.7250721Z");
            assertParty(m.header().from(), "Utleverer", "HER", "95879");
            assertParty(m.header().to(), "KontrollUtbetaler", "HER", "79768", "ENH", "889640782");
            assertThat(m.header().descriptions()).singleElement().satisfies(d -> {
                assertThat(d.lang()).isEqualTo("NO");
                assertThat(d.text()).startsWith("{\"MSH-system\":\"Medilink\"");
            });
            assertThat(m.acknowledgment().timestamp()).isEqualTo(Instant.parse("2025-01-24T10:42:29Z"));
            assertThat(m.acknowledgment().from()).isNull();
            SignatureReference copy = m.acknowledgment().references().get(0);
            assertThat(m.acknowledgment().references()).hasSize(1);
            assertThat(copy.uri()).isEmpty();
            assertThat(copy.transforms()).containsExactly("http://www.w3.org/2000/09/xmldsig#enveloped-signature",
                    "http://www.w3.org/TR/1999/REC-xpath-19991116", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315");
            assertThat(copy.xpath()).startsWith("not(ancestor-or-self::node()[@SOAP-ENV:actor=");
            assertThat(copy.digestMethod()).isEqualTo("http://www.w3.org/2001/04/xmlenc#sha256");
            assertThat(copy.digestValue()).isEqualTo("digestValue");
            assertThat(decoded.isValid()).isFalse();
            assertThat(decoded.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.is(ErrorCode.OTHER_XML)).isTrue();
                assertThat(p.description()).contains("schema").doesNotContain("mustUnderstand");
            });
            assertThat(decoded.problems()).extracting(EbmsError::location).contains(
                    "//Header/Acknowledgment/Reference/DigestValue", "//Header/Signature/SignatureValue");
        }

        @Test
        void sample05IsAValidMessageErrorWithoutTimeZoneReadAsUtc() {
            Decoded decoded = decodeFile("05-nhs-spine-message-error.xml");
            EbmsMessage m = messageOf(decoded);

            assertThat(decoded.problems()).isEmpty();
            assertThat(m.kind()).isEqualTo(MessageKind.MESSAGE_ERROR);
            assertHeader(m.header(), "S2001919A2011852", "19D02203-3CBE-11E3-9D44-9D223D2F4DB0",
                    "97111C1C-48B8-B2FA-DE13-B64B2ADEB391", "19D02203-3CBE-11E3-9D44-9D223D2F4DB0", "2013-10-24T15:08:07Z");
            assertParty(m.header().from(), null, NHS_PARTY, "YEA-801248");
            assertParty(m.header().to(), null, NHS_PARTY, "RHM-810292");
            assertThat(m.errorList().highestSeverity()).isEqualTo(Severity.ERROR);
            assertThat(m.errorList().errors()).singleElement().satisfies(e -> {
                assertThat(e.codeContext()).isEqualTo("urn:oasis:names:tc:ebxml-msg:service:errors");
                assertThat(e.errorCode()).isEqualTo("ValueNotRecognized");
                assertThat(e.severity()).isEqualTo(Severity.ERROR);
                assertThat(e.location()).isNull();
                assertThat(e.description()).isEqualTo("501319:Unknown eb:CPAId");
            });
        }

        @Test
        void sample06IsAReceivedSoapFaultResolvedByNamespaceNotPrefix() {
            Decoded decoded = decodeFile("06-nhs-spine-soap-fault.xml");

            assertThat(decoded.message()).isNull();
            assertThat(decoded.isReadable()).isTrue();
            assertThat(decoded.problems()).isEmpty();
            assertThat(decoded.faultToAnswer()).isNull();
            assertThat(decoded.receivedFault().faultCode()).isEqualTo("Server");
            assertThat(decoded.receivedFault().faultString()).isEqualTo("Application Exception");
            assertThat(decoded.receivedFault().detail())
                    .isEqualTo("urn:nhs:names:error:tms 200 Error Not Supported System failure to process message - default");
        }

        @Test
        void sample07IsAValidPingAskingForASynchronousPong() {
            Decoded decoded = DECODER.decode(WireInputs.read(GoldenFiles.render("07-ebms-core-ping.template.xml", Map.of(
                    "uuid", "6a9b1e44-0000-4000-8000-000000000007", "timestamp", "2026-11-22T09:30:00.123+01:00",
                    "timeToLive", "2026-11-22T10:30:00Z"))));
            EbmsMessage m = messageOf(decoded);

            assertThat(decoded.problems()).isEmpty();
            assertThat(m.kind()).isEqualTo(MessageKind.PING);
            assertHeader(m.header(), "cpaStubEBF.rm.http.unsigned.sync", "6a9b1e44-0000-4000-8000-000000000007",
                    "6a9b1e44-0000-4000-8000-000000000007@localhost", null, "2026-11-22T08:30:00.123Z");
            assertThat(m.header().messageData().timeToLive()).isEqualTo(Instant.parse("2026-11-22T10:30:00Z"));
            assertParty(m.header().from(), null, "urn:osb:oin", "00000000000000000000");
            assertParty(m.header().to(), null, "urn:osb:oin", "00000000000000000001");
            assertService(m.header(), null, MSH_SERVICE, "Ping");
            assertThat(m.syncReply()).isTrue();
            assertThat(m.ackRequested()).isNull();
            assertThat(m.manifest()).isNull();
        }

        @Test
        void sample08IsAValidStatusRequest() {
            Decoded decoded = DECODER.decode(WireInputs.read(GoldenFiles.render("08-ebms-core-status-request.template.xml",
                    Map.of("uuid", "uuid-8", "timestamp", "2026-11-22T09:30:00Z", "timeToLive", "2026-11-22T09:31:00Z",
                            "partyType", "urn:osb:oin", "fromPartyId", "0001", "toPartyId", "0002", "cpaId", "cpa-8",
                            "refToMessageId", "asked-about"))));
            EbmsMessage m = messageOf(decoded);

            assertThat(decoded.problems()).isEmpty();
            assertThat(m.kind()).isEqualTo(MessageKind.STATUS_REQUEST);
            assertHeader(m.header(), "cpa-8", "uuid-8", "uuid-8@localhost", null, "2026-11-22T09:30:00Z");
            assertParty(m.header().from(), null, "urn:osb:oin", "0001");
            assertParty(m.header().to(), null, "urn:osb:oin", "0002");
            assertThat(m.statusRequest().refToMessageId().value()).isEqualTo("asked-about@localhost");
            assertThat(m.syncReply()).isTrue();
        }

        @Test
        void sample09IsASignedMessageAskingForASignedAckWhosePartIsMissingAndWhoseBase64IsAPlaceholder() {
            Decoded decoded = decodeFile("09-nav-signed-message-ackrequested-signed.xml");
            EbmsMessage m = messageOf(decoded);

            assertThat(m.kind()).isEqualTo(MessageKind.USER_MESSAGE);
            assertThat(m.signed()).isTrue();
            assertThat(m.ackRequested()).isEqualTo(org.ebrelay.domain.message.AckRequested.toPartyMsh(true));
            assertHeader(m.header(), "nav:qass:35065", "be192d3a-34b5-448a-a374-5eab0524c74d",
                    "7104acf8-21e9-4ee7-b894-d413a00a8881", null, "2023-08-29T10:56:50.3069479Z");
            assertParty(m.header().from(), "Behandler", "HER", "123");
            assertParty(m.header().to(), "KontrollUtbetaler", "HER", "321");
            assertService(m.header(), "string", "BehandlerKrav", "OppgjorsMelding");
            assertThat(m.payloads()).isEmpty();
            assertThat(decoded.problems()).filteredOn(p -> p.is(ErrorCode.MIME_PROBLEM)).singleElement()
                    .satisfies(p -> assertThat(p.location()).isEqualTo("cid:ref1"));
            assertThat(decoded.problems()).filteredOn(p -> p.is(ErrorCode.OTHER_XML)).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.location()).startsWith("//Header/Signature/"));
        }

        @Test
        void sample10CarriesMessageOrderTogetherWithSyncReplyWhichIsInconsistent() {
            Decoded decoded = DECODER.decode(WireInputs.read(GoldenFiles.render("10-ebms-core-message-order.template.xml",
                    Map.ofEntries(Map.entry("uuid", "uuid-10"), Map.entry("timestamp", "2026-11-22T09:30:00Z"),
                            Map.entry("timeToLive", "2026-11-22T09:31:00Z"), Map.entry("partyType", "urn:osb:oin"),
                            Map.entry("fromPartyId", "0001"), Map.entry("toPartyId", "0002"), Map.entry("fromRole", "Sender"),
                            Map.entry("toRole", "Receiver"), Map.entry("cpaId", "cpa-10"), Map.entry("serviceType", "urn:types"),
                            Map.entry("service", "Lab"), Map.entry("action", "ORU_R01")))));
            EbmsMessage m = messageOf(decoded);

            assertThat(decoded.problems()).singleElement().satisfies(p -> {
                assertThat(p.is(ErrorCode.INCONSISTENT)).isTrue();
                assertThat(p.location()).isEqualTo("//Header/MessageOrder");
                assertThat(p.description()).contains("SYN-3");
            });
            assertParty(m.header().from(), "Sender", "urn:osb:oin", "0001");
            assertParty(m.header().to(), "Receiver", "urn:osb:oin", "0002");
            assertService(m.header(), "urn:types", "Lab", "ORU_R01");
            assertThat(m.messageOrder().sequenceNumber()).isEqualTo(1);
            assertThat(m.messageOrder().status()).isEqualTo(SequenceStatus.CONTINUE);
            assertThat(m.header().duplicateElimination()).isTrue();
            assertThat(m.ackRequested().signed()).isFalse();
            assertThat(m.syncReply()).isTrue();
        }
    }

    @Nested
    class EbmsCoreCaptures {
        private static final String DIR = "ebms-core-captures/";
        private static final String OID = "urn:oid:1.2.826.0.1285.0.2.0.107";

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "01-reliable-sync-ack/peer-to-gateway/001-request", "01-reliable-sync-ack/peer-to-gateway/001-response",
                "02-reliable-async-ack/gateway-to-peer/001-request", "02-reliable-async-ack/gateway-to-peer/001-response",
                "02-reliable-async-ack/peer-to-gateway/001-request", "02-reliable-async-ack/peer-to-gateway/001-response",
                "03-ping-pong/peer-to-gateway/001-request", "03-ping-pong/peer-to-gateway/001-response",
                "04-status-request/gateway-to-peer/001-request", "04-status-request/gateway-to-peer/001-response",
                "04-status-request/peer-to-gateway/001-request", "04-status-request/peer-to-gateway/001-response",
                "05-duplicate-resent/peer-to-gateway/001-request", "05-duplicate-resent/peer-to-gateway/001-response",
                "06-reliable-sync-ack-signed/peer-to-gateway/001-request",
                "06-reliable-sync-ack-signed/peer-to-gateway/001-response"})
        void theRawBytesDechunkToTheBodyTheRecorderWrote(String capture) {
            String decoded = GoldenFiles.text(DIR + capture + ".decoded.txt");
            Matcher count = Pattern.compile("\\((\\d+) body bytes").matcher(decoded);
            assertThat(count.find()).isTrue();
            byte[] all = GoldenFiles.bytes(DIR + capture + ".decoded.txt");
            int bodyStart = decoded.indexOf("\n\n") + 2;
            byte[] expected = Arrays.copyOfRange(all, bodyStart, bodyStart + Integer.parseInt(count.group(1)));

            assertThat(WireInputs.read(GoldenFiles.bytes(DIR + capture + ".raw")).body()).isEqualTo(expected);
        }

        @Test
        void aReliableUserMessageWithSyncReplyIsValidAndCarriesItsHl7v3Payload() {
            WireMessage wire = WireInputs.read(GoldenFiles.bytes(DIR + "01-reliable-sync-ack/peer-to-gateway/001-request.raw"));
            Decoded decoded = DECODER.decode(wire);
            EbmsMessage m = messageOf(decoded);

            assertThat(decoded.problems()).isEmpty();
            assertThat(wire.soapAction()).isEqualTo("\"ebXML\"");
            assertThat(m.kind()).isEqualTo(MessageKind.USER_MESSAGE);
            assertHeader(m.header(), "PEER-GATEWAY-HL7-RM-SYNC", "a569f5ca-2177-4fcc-8fcd-46ca19dfdff2",
                    "a569f5ca-2177-4fcc-8fcd-46ca19dfdff2@127.0.0.1", null, "2026-11-21T23:08:01.339Z");
            assertThat(m.header().messageData().timeToLive()).isEqualTo(Instant.parse("2026-11-21T23:08:21.339Z"));
            assertParty(m.header().from(), "PEER", OID, "PEER");
            assertParty(m.header().to(), "GATEWAY", OID, "GATEWAY");
            assertService(m.header(), null, "urn:example:services:hl7", "HL7Message");
            assertThat(m.header().duplicateElimination()).isTrue();
            assertThat(m.ackRequested()).isEqualTo(org.ebrelay.domain.message.AckRequested.toPartyMsh(false));
            assertThat(m.syncReply()).isTrue();
            assertThat(m.signed()).isFalse();
            Payload payload = m.payloads().get(0);
            assertThat(m.payloads()).hasSize(1);
            assertThat(payload.contentId()).isEqualTo("f56b272b-3f39-47d2-b7b6-69fe5a14191f");
            assertThat(payload.contentType()).isEqualTo("application/xml");
            assertThat(payload.content()).isEqualTo(partContent(DIR + "01-reliable-sync-ack/peer-to-gateway/001-request.decoded.txt",
                    "filename=\"hl7v3-payload.xml\"\r\n\r\n", "\r\n---=6158cae0-b77b-4291-bfb8-23b32ffb3794=---"));
            assertThat(payload.size()).isEqualTo(1301);
        }

        @Test
        void theSynchronousAcknowledgmentInTheHttpResponseIsValid() {
            Decoded decoded = decodeFile(DIR + "01-reliable-sync-ack/peer-to-gateway/001-response.raw");
            EbmsMessage m = messageOf(decoded);

            assertThat(decoded.problems()).isEmpty();
            assertThat(m.kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
            assertHeader(m.header(), "PEER-GATEWAY-HL7-RM-SYNC", "a569f5ca-2177-4fcc-8fcd-46ca19dfdff2",
                    "a8d8c05f-a0c1-4cd5-a5f4-49a0d19a6782@127.0.0.1", "a569f5ca-2177-4fcc-8fcd-46ca19dfdff2@127.0.0.1",
                    "2026-11-21T23:08:02.284Z");
            assertParty(m.header().from(), "GATEWAY", OID, "GATEWAY");
            assertParty(m.header().to(), "PEER", OID, "PEER");
            assertService(m.header(), null, MSH_SERVICE, "Acknowledgment");
            assertThat(m.acknowledgment().refToMessageId().value()).isEqualTo("a569f5ca-2177-4fcc-8fcd-46ca19dfdff2@127.0.0.1");
            assertThat(m.acknowledgment().timestamp()).isEqualTo(Instant.parse("2026-11-21T23:08:02.284Z"));
            assertThat(m.acknowledgment().actor()).isEqualTo(Actor.TO_PARTY_MSH);
            assertParty(m.acknowledgment().from(), null, OID, "GATEWAY");
        }

        @Test
        void theAsynchronousExchangeIsAValidMessageAnsweredLaterByAValidAcknowledgment() {
            EbmsMessage request = messageOf(decodeFile(DIR + "02-reliable-async-ack/peer-to-gateway/001-request.raw"));
            Decoded ackDecoded = decodeFile(DIR + "02-reliable-async-ack/gateway-to-peer/001-request.raw");
            EbmsMessage ack = messageOf(ackDecoded);

            assertHeader(request.header(), "PEER-GATEWAY-HL7-RM-ASYNC", "f9826489-2ab7-4cb4-9804-40411775ace2",
                    "f9826489-2ab7-4cb4-9804-40411775ace2@127.0.0.1", null, "2026-11-21T23:08:04.012Z");
            assertThat(request.syncReply()).isFalse();
            assertThat(request.ackRequested().actor()).isEqualTo(Actor.TO_PARTY_MSH);
            assertThat(request.payloads()).extracting(Payload::contentId, Payload::contentType, Payload::size)
                    .containsExactly(tuple("58ce2879-c645-4af4-9775-747deabfe5e9", "application/xml", 1301));
            assertThat(ackDecoded.problems()).isEmpty();
            assertThat(ack.kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
            assertHeader(ack.header(), "PEER-GATEWAY-HL7-RM-ASYNC", "f9826489-2ab7-4cb4-9804-40411775ace2",
                    "c1dab5a0-2471-4ef2-b074-be31557283e0@127.0.0.1", request.messageId().value(), "2026-11-21T23:08:04.299Z");
            assertThat(ack.acknowledgment().refToMessageId()).isEqualTo(request.messageId());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"02-reliable-async-ack/gateway-to-peer/001-response",
                "02-reliable-async-ack/peer-to-gateway/001-response", "04-status-request/gateway-to-peer/001-response",
                "04-status-request/peer-to-gateway/001-response"})
        void a204WithoutBodyIsReadAsAnEmptyBodyThatIsNoEbxmlMessage(String capture) {
            WireMessage wire = WireInputs.read(GoldenFiles.bytes(DIR + capture + ".raw"));
            Decoded decoded = DECODER.decode(wire);

            assertThat(wire.body()).isEmpty();
            assertThat(wire.contentType()).isNull();
            assertThat(decoded.isReadable()).isFalse();
            assertThat(decoded.problems()).singleElement().extracting(EbmsError::description).asString().contains("empty");
        }

        @Test
        void pingAndPongAreValidAndThePongRefersToThePing() {
            Decoded pingDecoded = decodeFile(DIR + "03-ping-pong/peer-to-gateway/001-request.raw");
            Decoded pongDecoded = decodeFile(DIR + "03-ping-pong/peer-to-gateway/001-response.raw");
            EbmsMessage ping = messageOf(pingDecoded);
            EbmsMessage pong = messageOf(pongDecoded);

            assertThat(pingDecoded.problems()).isEmpty();
            assertThat(pongDecoded.problems()).isEmpty();
            assertThat(ping.kind()).isEqualTo(MessageKind.PING);
            assertThat(pong.kind()).isEqualTo(MessageKind.PONG);
            assertHeader(ping.header(), "PEER-GATEWAY-HL7-RM-SYNC", "ec6fb787-fe60-4923-b5c5-0fec31e43076",
                    "ec6fb787-fe60-4923-b5c5-0fec31e43076@127.0.0.1", null, "2026-11-21T23:08:06.481Z");
            assertHeader(pong.header(), "PEER-GATEWAY-HL7-RM-SYNC", "ec6fb787-fe60-4923-b5c5-0fec31e43076",
                    "dc137b3a-8fad-42b9-ada0-f4bde054136a@127.0.0.1", "ec6fb787-fe60-4923-b5c5-0fec31e43076@127.0.0.1",
                    "2026-11-21T23:08:06.526Z");
            assertParty(ping.header().from(), null, OID, "PEER");
            assertParty(pong.header().from(), null, OID, "GATEWAY");
            assertThat(ping.syncReply()).isFalse();
            assertThat(pong.ackRequested()).isNull();
        }

        @Test
        void statusRequestAndStatusResponseAreValid() {
            Decoded requestDecoded = decodeFile(DIR + "04-status-request/peer-to-gateway/001-request.raw");
            Decoded responseDecoded = decodeFile(DIR + "04-status-request/gateway-to-peer/001-request.raw");
            EbmsMessage request = messageOf(requestDecoded);
            EbmsMessage response = messageOf(responseDecoded);

            assertThat(requestDecoded.problems()).isEmpty();
            assertThat(responseDecoded.problems()).isEmpty();
            assertThat(request.kind()).isEqualTo(MessageKind.STATUS_REQUEST);
            assertHeader(request.header(), "PEER-GATEWAY-HL7-RM-ASYNC", "abba0ae6-93b8-47f3-bbda-fc75ad8b56ab",
                    "abba0ae6-93b8-47f3-bbda-fc75ad8b56ab@127.0.0.1", null, "2026-11-21T23:08:08.217Z");
            assertThat(request.statusRequest().refToMessageId().value()).isEqualTo("f9826489-2ab7-4cb4-9804-40411775ace2@127.0.0.1");
            assertThat(response.kind()).isEqualTo(MessageKind.STATUS_RESPONSE);
            assertHeader(response.header(), "PEER-GATEWAY-HL7-RM-ASYNC", "abba0ae6-93b8-47f3-bbda-fc75ad8b56ab",
                    "daff2d9e-7411-462f-8459-ddfb8f77458c@127.0.0.1", "abba0ae6-93b8-47f3-bbda-fc75ad8b56ab@127.0.0.1",
                    "2026-11-21T23:08:08.271Z");
            assertThat(response.statusResponse().status()).isEqualTo(org.ebrelay.domain.message.MessageStatus.RECEIVED);
            assertThat(response.statusResponse().refToMessageId().value()).isEqualTo("f9826489-2ab7-4cb4-9804-40411775ace2@127.0.0.1");
            assertThat(response.statusResponse().timestamp()).isEqualTo(Instant.parse("2026-11-21T23:08:04.299Z"));
        }

        @Test
        void aResentDuplicateDecodesToTheSameMessageAsTheOriginalAndGetsTheSameAcknowledgment() {
            EbmsMessage original = messageOf(decodeFile(DIR + "01-reliable-sync-ack/peer-to-gateway/001-request.raw"));
            EbmsMessage resent = messageOf(decodeFile(DIR + "05-duplicate-resent/peer-to-gateway/001-request.raw"));
            EbmsMessage firstAck = messageOf(decodeFile(DIR + "01-reliable-sync-ack/peer-to-gateway/001-response.raw"));
            EbmsMessage replayedAck = messageOf(decodeFile(DIR + "05-duplicate-resent/peer-to-gateway/001-response.raw"));

            assertThat(resent).isEqualTo(original);
            assertThat(replayedAck).isEqualTo(firstAck);
        }

        @Test
        void aSignedUserMessageIsValidAndMarkedSigned() {
            Decoded decoded = decodeFile(DIR + "06-reliable-sync-ack-signed/peer-to-gateway/001-request.raw");
            Decoded ackDecoded = decodeFile(DIR + "06-reliable-sync-ack-signed/peer-to-gateway/001-response.raw");
            EbmsMessage m = messageOf(decoded);

            assertThat(decoded.problems()).isEmpty();
            assertThat(m.signed()).isTrue();
            assertHeader(m.header(), "PEER-GATEWAY-HL7-RM-SYNC-SIGNED", "7cf23515-437e-48bd-910f-a00fce9cd91a",
                    "7cf23515-437e-48bd-910f-a00fce9cd91a@127.0.0.1", null, "2026-11-21T23:08:11.850Z");
            assertThat(m.payloads()).extracting(Payload::contentId, Payload::size)
                    .containsExactly(tuple("a1a55d17-354c-41be-af06-fb73c47d44d5", 1301));
            assertThat(ackDecoded.problems()).isEmpty();
            assertThat(messageOf(ackDecoded).acknowledgment().refToMessageId()).isEqualTo(m.messageId());
            assertThat(messageOf(ackDecoded).signed()).isFalse();
        }
    }

    @Nested
    class HermesCaptures {
        private static final String DIR = "hermes-captures/";
        private static final String UNKNOWN_TYPE = "urn:oasis:names:tc:ebxml-cppa:partyid-type:unknown";

        @Test
        void aReliableUserMessageWithoutStartParameterIsValid() {
            WireMessage wire = WireInputs.read(GoldenFiles.bytes(DIR + "01-async-A-to-B-userMessage.request.http"));
            Decoded decoded = DECODER.decode(wire);
            EbmsMessage m = messageOf(decoded);

            assertThat(decoded.problems()).isEmpty();
            assertThat(wire.soapAction()).isEqualTo("\"ebXML\"");
            assertHeader(m.header(), "cpa-hermes-loop", "conv-124b5884-ecf8-42c0-90a8-59d55e4d02bb",
                    "20261122-000738-40200@127.0.0.1", null, "2026-11-22T00:07:38.406Z");
            assertParty(m.header().from(), null, UNKNOWN_TYPE, "urn:hermes:partyA");
            assertParty(m.header().to(), null, UNKNOWN_TYPE, "urn:hermes:partyB");
            assertService(m.header(), null, "urn:services:Ping", "Ping");
            assertThat(m.kind()).as("Ping under a business service is a user message").isEqualTo(MessageKind.USER_MESSAGE);
            assertThat(m.header().duplicateElimination()).isTrue();
            assertThat(m.ackRequested()).isEqualTo(org.ebrelay.domain.message.AckRequested.toPartyMsh(false));
            assertThat(m.syncReply()).isFalse();
            assertThat(m.payloads()).singleElement().satisfies(p -> {
                assertThat(p.contentId()).isEqualTo("Payload-0");
                assertThat(p.contentType()).isEqualTo("application/xml");
                assertThat(new String(p.content(), StandardCharsets.UTF_8))
                        .isEqualTo("<?xml version=\"1.0\"?><ping xmlns=\"urn:test\">hello from Hermes A</ping>");
            });
        }

        @Test
        void theAcknowledgmentIsReadAndItsDuplicateEliminationIsOnlyAWarning() {
            Decoded decoded = decodeFile(DIR + "02-async-B-to-A-acknowledgment.request.http");
            EbmsMessage m = messageOf(decoded);

            assertThat(decoded.isValid()).isTrue();
            assertThat(decoded.problems()).singleElement().satisfies(p -> {
                assertThat(p.is(ErrorCode.INCONSISTENT)).isTrue();
                assertThat(p.severity()).isEqualTo(Severity.WARNING);
                assertThat(p.location()).isEqualTo("//Header/MessageHeader/DuplicateElimination");
            });
            assertThat(m.kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
            assertHeader(m.header(), "cpa-hermes-loop", "conv-124b5884-ecf8-42c0-90a8-59d55e4d02bb",
                    "20261122-000738-76400@127.0.0.1", "20261122-000738-40200@127.0.0.1", "2026-11-22T00:07:38.764Z");
            assertParty(m.header().from(), null, UNKNOWN_TYPE, "urn:hermes:partyB");
            assertThat(m.acknowledgment().refToMessageId().value()).isEqualTo("20261122-000738-40200@127.0.0.1");
            assertParty(m.acknowledgment().from(), null, UNKNOWN_TYPE, "urn:hermes:partyB");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"01-async-A-to-B-userMessage.response.http", "02-async-B-to-A-acknowledgment.response.http"})
        void theNoContentResponsesHaveAnEmptyBodyDespiteTheirMalformedContentType(String file) {
            WireMessage wire = WireInputs.read(GoldenFiles.bytes(DIR + file));
            Decoded decoded = DECODER.decode(wire);

            assertThat(wire.contentType()).isEqualTo("text/html;UTF-8");
            assertThat(wire.body()).isEmpty();
            assertThat(decoded.message()).isNull();
            assertThat(decoded.receivedFault()).isNull();
            assertThat(decoded.faultToAnswer().faultCode()).isEqualTo(SoapFault.CLIENT);
            assertThat(decoded.problems()).singleElement().extracting(EbmsError::description).asString().contains("empty");
        }
    }
}
