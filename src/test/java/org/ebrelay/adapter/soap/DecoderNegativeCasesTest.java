package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.Decoded;

import org.ebrelay.app.port.out.SoapFault;

import org.ebrelay.app.port.out.WireMessage;

import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.ebrelay.adapter.soap.TestMessages.PAYLOAD_CID;
import static org.ebrelay.adapter.soap.TestMessages.acknowledgment;
import static org.ebrelay.adapter.soap.TestMessages.bare;
import static org.ebrelay.adapter.soap.TestMessages.mshMessage;
import static org.ebrelay.adapter.soap.TestMessages.packaged;
import static org.ebrelay.adapter.soap.TestMessages.userMessage;

/**
 * Hostile and broken inputs, each with the problem a receiver would answer. Unreadable ones have no message and
 * a SOAP Fault to answer with; readable ones keep their message and list the problem. Nothing ever throws.
 */
class DecoderNegativeCasesTest {
    private static final EbmsDecoder DECODER = new EbmsDecoder();
    private static final String CANARY = "CANARY-7f3c-local-secret-never-in-output";
    private static final String SYNC_REPLY = "<eb:SyncReply eb:version=\"2.0\" soap:mustUnderstand=\"1\" "
            + "soap:actor=\"http://schemas.xmlsoap.org/soap/actor/next\"/>";
    private static final String ACK_REQUESTED = "<eb:AckRequested eb:version=\"2.0\" soap:mustUnderstand=\"1\" eb:signed=\"false\"/>";
    private static final String ERROR_LIST = "<eb:ErrorList eb:version=\"2.0\" soap:mustUnderstand=\"1\" eb:highestSeverity=\"Error\">"
            + "<eb:Error eb:errorCode=\"ValueNotRecognized\" eb:severity=\"Error\"/></eb:ErrorList>";
    private static Path secretFile;

    /** One row: an input, the code expected among the problems, and the fault when the input is unreadable. */
    record Case(String name, Supplier<WireMessage> input, EbmsDecoder decoder, ErrorCode code, Severity severity,
                String location, String fault) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void writeASecretLocalFile() throws IOException {
        secretFile = Files.createTempFile("ebrelay-xxe", ".txt");
        Files.writeString(secretFile, CANARY);
    }

    @AfterAll
    static void removeTheSecretFile() throws IOException {
        Files.deleteIfExists(secretFile);
    }

    static Stream<Case> cases() {
        return Stream.of(headerCases(), refToCases(), mimeCases(), xmlCases(), consistencyCases())
                .flatMap(List::stream);
    }

    static List<Case> headerCases() {
        String user = userMessage();
        return List.of(
                unreadable("no MessageHeader", () -> bare(TestMessages.envelope("", "")), ErrorCode.OTHER_XML,
                        "//Header/MessageHeader", SoapFault.CLIENT),
                readable("eb:version other than 2.0 (ENV-2)", () -> packaged(swap(user, "<eb:MessageHeader eb:version=\"2.0\"",
                        "<eb:MessageHeader eb:version=\"3.0\"")), ErrorCode.NOT_SUPPORTED, Severity.ERROR,
                        "//Header/MessageHeader/@version"),
                readable("no eb:version on AckRequested", () -> packaged(swap(user, "<eb:AckRequested eb:version=\"2.0\"",
                        "<eb:AckRequested")), ErrorCode.OTHER_XML, Severity.ERROR, "//Header/AckRequested/@version"),
                unreadable("missing CPAId", () -> packaged(swap(user, "<eb:CPAId>CPA-1</eb:CPAId>", "")),
                        ErrorCode.OTHER_XML, "//Header/MessageHeader/CPAId", SoapFault.CLIENT),
                unreadable("empty ConversationId", () -> packaged(swap(user, ">conv-1<", "> <")), ErrorCode.OTHER_XML,
                        "//Header/MessageHeader/ConversationId", SoapFault.CLIENT),
                unreadable("missing MessageId", () -> packaged(swap(user, "<eb:MessageId>msg-1@example.org</eb:MessageId>", "")),
                        ErrorCode.OTHER_XML, "//Header/MessageHeader/MessageData/MessageId", SoapFault.CLIENT),
                unreadable("empty Action", () -> packaged(swap(user, "<eb:Action>HL7Message</eb:Action>", "<eb:Action/>")),
                        ErrorCode.OTHER_XML, "//Header/MessageHeader/Action", SoapFault.CLIENT),
                unreadable("From without PartyId", () -> packaged(swap(user,
                        "<eb:PartyId eb:type=\"urn:oid:1.2.3\">PEER</eb:PartyId>", "")), ErrorCode.OTHER_XML,
                        "//Header/MessageHeader/From/PartyId", SoapFault.CLIENT),
                unreadable("Timestamp that is no dateTime", () -> packaged(swap(user, "2026-11-21T10:00:00Z</eb:Timestamp>",
                        "21/11/2026 10:00</eb:Timestamp>")), ErrorCode.OTHER_XML,
                        "//Header/MessageHeader/MessageData/Timestamp", SoapFault.CLIENT),
                readable("TimeToLive that is no dateTime", () -> packaged(swap(user, ">2026-11-22T10:00:00Z<", ">tomorrow<")),
                        ErrorCode.OTHER_XML, Severity.ERROR, "//Header/MessageHeader/MessageData/TimeToLive"),
                readable("TimeToLive before Timestamp (HDR-7)", () -> packaged(swap(user, ">2026-11-22T10:00:00Z<",
                        ">2026-11-21T09:59:59+00:00<")), ErrorCode.TIME_TO_LIVE_EXPIRED, Severity.ERROR,
                        "//Header/MessageHeader/MessageData/TimeToLive"),
                readable("duplicated MessageHeader", () -> packaged(swap(user, "</eb:MessageHeader>",
                        "</eb:MessageHeader>" + TestMessages.messageHeader("urn:x", "A", "", ""))), ErrorCode.OTHER_XML,
                        Severity.ERROR, "//Header/MessageHeader"),
                readable("untyped PartyId that is not a URI (HDR-1)", () -> packaged(swap(user,
                        "<eb:PartyId eb:type=\"urn:oid:1.2.3\">PEER", "<eb:PartyId>PEER")), ErrorCode.INCONSISTENT,
                        Severity.ERROR, "//Header/MessageHeader/From/PartyId"),
                readable("untyped Service that is not a URI (HDR-2)", () -> packaged(swap(user, ">urn:example:services:hl7<",
                        ">HL7 lab service<")), ErrorCode.INCONSISTENT, Severity.ERROR, "//Header/MessageHeader/Service"));
    }

    static List<Case> refToCases() {
        return List.of(
                readable("Acknowledgment/RefToMessageId in angle brackets", () -> bare(swap(acknowledgment(""),
                        "<eb:RefToMessageId>msg-0@example.org</eb:RefToMessageId></eb:Acknowledgment>",
                        "<eb:RefToMessageId>&lt;msg-0@example.org&gt;</eb:RefToMessageId></eb:Acknowledgment>")),
                        ErrorCode.OTHER_XML, Severity.ERROR, "//Header/Acknowledgment/RefToMessageId"),
                readable("MessageError RefToMessageId with white space", () -> bare(mshMessage("MessageError",
                        "msg 0@example.org", ERROR_LIST, "")), ErrorCode.OTHER_XML, Severity.ERROR,
                        "//Header/MessageHeader/MessageData/RefToMessageId"),
                readable("Acknowledgment without RefToMessageId (HDR-6)", () -> bare(swap(acknowledgment(""),
                        "<eb:RefToMessageId>msg-0@example.org</eb:RefToMessageId><eb:TimeToLive>", "<eb:TimeToLive>")),
                        ErrorCode.INCONSISTENT, Severity.ERROR, "//Header/MessageHeader/MessageData/RefToMessageId"),
                readable("Pong without RefToMessageId", () -> bare(mshMessage("Pong", null, "", "")),
                        ErrorCode.INCONSISTENT, Severity.ERROR, "//Header/MessageHeader/MessageData/RefToMessageId"),
                readable("StatusResponse without RefToMessageId", () -> bare(mshMessage("StatusResponse", null, "",
                        "<eb:StatusResponse eb:version=\"2.0\" eb:messageStatus=\"NotRecognized\">"
                                + "<eb:RefToMessageId>asked@x</eb:RefToMessageId></eb:StatusResponse>")),
                        ErrorCode.INCONSISTENT, Severity.ERROR, "//Header/MessageHeader/MessageData/RefToMessageId"),
                readable("StatusResponse with an unknown messageStatus", () -> bare(mshMessage("StatusResponse", "req@x", "",
                        "<eb:StatusResponse eb:version=\"2.0\" eb:messageStatus=\"Lost\">"
                                + "<eb:RefToMessageId>asked@x</eb:RefToMessageId></eb:StatusResponse>")),
                        ErrorCode.OTHER_XML, Severity.ERROR, "//Body/StatusResponse/@messageStatus"),
                readable("MessageError without ErrorList", () -> bare(mshMessage("MessageError", "msg-0@x", "", "")),
                        ErrorCode.INCONSISTENT, Severity.ERROR, "//Header/ErrorList"));
    }

    static List<Case> mimeCases() {
        String user = userMessage();
        return List.of(
                readable("Manifest reference to a missing part (MAN-2)", () -> packaged(swap(user, "cid:" + PAYLOAD_CID,
                        "cid:missing@example.org")), ErrorCode.MIME_PROBLEM, Severity.ERROR, "cid:missing@example.org"),
                readable("Manifest reference that is not cid: (MAN-3)", () -> packaged(swap(user, "cid:" + PAYLOAD_CID,
                        "http://example.org/payload")), ErrorCode.MIME_PROBLEM, Severity.ERROR, "http://example.org/payload"),
                readable("MIME part no Reference points at (MAN-4)", () -> packaged(mshMessage("Ping", null, "", "")),
                        ErrorCode.MIME_PROBLEM, Severity.WARNING, "cid:" + PAYLOAD_CID),
                unreadable("start naming no part", () -> withContentType(packaged(user),
                        TestMessages.PACKAGE_TYPE.replace("soap-part@example.org", "nothing@example.org")),
                        ErrorCode.MIME_PROBLEM, "cid:nothing@example.org", SoapFault.CLIENT),
                unreadable("malformed boundary", () -> withContentType(packaged(user),
                        "multipart/related; type=\"text/xml\"; boundary=\"a<b>c\""), ErrorCode.MIME_PROBLEM, null, SoapFault.CLIENT),
                unreadable("multipart without boundary", () -> withContentType(packaged(user),
                        "multipart/related; type=\"text/xml\""), ErrorCode.MIME_PROBLEM, null, SoapFault.CLIENT),
                readable("missing end boundary", () -> withBody(packaged(user), body -> body.substring(0,
                        body.lastIndexOf("\r\n--" + TestMessages.BOUNDARY + "--"))), ErrorCode.MIME_PROBLEM, Severity.ERROR, null),
                readable("package type parameter not text/xml (PKG-1)", () -> withContentType(packaged(user),
                        TestMessages.PACKAGE_TYPE.replace("type=\"text/xml\"", "type=\"application/soap+xml\"")),
                        ErrorCode.MIME_PROBLEM, Severity.ERROR, null),
                readable("base64 part with invalid characters", () -> packaged(user, "Content-ID: <" + PAYLOAD_CID
                        + ">\r\nContent-Transfer-Encoding: base64\r\n\r\n!!not*base64!!"), ErrorCode.MIME_PROBLEM,
                        Severity.ERROR, "cid:" + PAYLOAD_CID),
                unreadable("binary garbage declared as a package", () -> new WireMessage(TestMessages.PACKAGE_TYPE, null,
                        randomBytes(4096)), ErrorCode.MIME_PROBLEM, null, SoapFault.CLIENT),
                unreadable("oversized input", () -> packaged(user), new EbmsDecoder(new EbmsDecoder.Options(1024, true)),
                        ErrorCode.MIME_PROBLEM, null, SoapFault.CLIENT));
    }

    static List<Case> xmlCases() {
        String user = userMessage();
        String noDeclaration = user.substring(user.indexOf("<soap:Envelope"));
        return List.of(
                unreadable("SOAP 1.2 envelope", () -> packaged(swap(user, "http://schemas.xmlsoap.org/soap/envelope/",
                        "http://www.w3.org/2003/05/soap-envelope")), ErrorCode.OTHER_XML, "//Envelope", SoapFault.VERSION_MISMATCH),
                unreadable("XXE: external entity to a local file", () -> bare("<?xml version=\"1.0\"?>\n<!DOCTYPE soap:Envelope "
                        + "[<!ENTITY secret SYSTEM \"" + secretFile.toUri() + "\">]>\n" + swap(noDeclaration, ">conv-1<",
                        ">&secret;<")), ErrorCode.OTHER_XML, "//Envelope", SoapFault.CLIENT),
                unreadable("entity bomb (billion laughs)", () -> bare(billionLaughs()), ErrorCode.OTHER_XML, "//Envelope",
                        SoapFault.CLIENT),
                unreadable("DOCTYPE in the root part of a package", () -> packaged("<!DOCTYPE soap:Envelope>\n" + noDeclaration),
                        ErrorCode.OTHER_XML, "//Envelope", SoapFault.CLIENT),
                unreadable("entity reference without any declaration", () -> packaged(swap(user, ">conv-1<", ">conv-&custom;<")),
                        ErrorCode.OTHER_XML, null, SoapFault.CLIENT),
                unreadable("not XML at all", () -> bare("this is not XML, it is a letter"), ErrorCode.OTHER_XML, null,
                        SoapFault.CLIENT),
                unreadable("empty body", () -> bare(""), ErrorCode.OTHER_XML, null, SoapFault.CLIENT),
                unreadable("truncated XML", () -> bare(user.substring(0, user.length() / 2)), ErrorCode.OTHER_XML, null,
                        SoapFault.CLIENT),
                unreadable("root element is not an Envelope", () -> bare("<hello xmlns=\"urn:x\"/>"), ErrorCode.OTHER_XML,
                        "/hello", SoapFault.CLIENT),
                unreadable("excessive nesting depth", () -> packaged(swap(user, "<soap:Body>", "<soap:Body>"
                        + "<x>".repeat(150) + "</x>".repeat(150))), ErrorCode.OTHER_XML, null, SoapFault.CLIENT),
                unreadable("header block marked mustUnderstand that nobody knows (ENV-4)", () -> packaged(swap(user,
                        "<soap:Header>", "<soap:Header><foo:Routing xmlns:foo=\"urn:foo\" soap:mustUnderstand=\"1\"/>")),
                        ErrorCode.NOT_SUPPORTED, "//Header/Routing", SoapFault.MUST_UNDERSTAND));
    }

    static List<Case> consistencyCases() {
        String user = userMessage();
        String messageOrder = "<eb:MessageOrder eb:version=\"2.0\" soap:mustUnderstand=\"1\">"
                + "<eb:SequenceNumber>0</eb:SequenceNumber></eb:MessageOrder>";
        return List.of(
                readable("unknown action under the MSH service", () -> bare(mshMessage("Pingg", null, "", "")),
                        ErrorCode.VALUE_NOT_RECOGNIZED, Severity.ERROR, "//Header/MessageHeader/Action"),
                readable("MessageOrder together with SyncReply (SYN-3)", () -> packaged(swap(user, "</soap:Header>",
                        SYNC_REPLY + messageOrder + "</soap:Header>")), ErrorCode.INCONSISTENT, Severity.ERROR,
                        "//Header/MessageOrder"),
                readable("MessageOrder without reliable messaging (ORD-1)", () -> packaged(swap(swap(user,
                        "<eb:DuplicateElimination/>", ""), "</soap:Header>", messageOrder + "</soap:Header>")),
                        ErrorCode.INCONSISTENT, Severity.ERROR, "//Header/MessageOrder"),
                readable("AckRequested on an Acknowledgment (MSH-1)", () -> bare(acknowledgment(ACK_REQUESTED)),
                        ErrorCode.INCONSISTENT, Severity.ERROR, "//Header/AckRequested"),
                readable("DuplicateElimination on a Pong", () -> bare(swap(mshMessage("Pong", "ping@x", "", ""),
                        "</eb:MessageData>", "</eb:MessageData><eb:DuplicateElimination/>")), ErrorCode.INCONSISTENT,
                        Severity.WARNING, "//Header/MessageHeader/DuplicateElimination"),
                readable("SyncReply aimed at the wrong actor (SYN-2)", () -> packaged(swap(user, "</soap:Header>",
                        SYNC_REPLY.replace("http://schemas.xmlsoap.org/soap/actor/next",
                                "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH") + "</soap:Header>")),
                        ErrorCode.INCONSISTENT, Severity.ERROR, "//Header/SyncReply/@actor"),
                readable("SyncReply twice", () -> packaged(swap(user, "</soap:Header>", SYNC_REPLY + SYNC_REPLY + "</soap:Header>")),
                        ErrorCode.OTHER_XML, Severity.ERROR, "//Header/SyncReply"),
                readable("Manifest without Reference", () -> packaged(swap(user, "<eb:Reference xlink:href=\"cid:" + PAYLOAD_CID
                        + "\"/>", "")), ErrorCode.OTHER_XML, Severity.ERROR, "//Body/Manifest/Reference"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBrokenInputIsReportedWithTheCodeAReceiverWouldAnswer(Case c) {
        Decoded decoded = c.decoder().decode(c.input().get());

        assertThat(decoded.problems()).as("problems of '%s'", c.name()).anySatisfy(p -> {
            assertThat(p.errorCode()).isEqualTo(c.code().wireName());
            assertThat(p.severity()).isEqualTo(c.severity());
            if (c.location() != null) {
                assertThat(p.location()).isEqualTo(c.location());
            }
            assertThat(p.description()).isNotBlank();
        });
        assertThat(decoded.problems()).as("no other Error in '%s'", c.name())
                .allMatch(p -> p.severity() == Severity.WARNING || p.errorCode().equals(c.code().wireName()));
        if (c.fault() == null) {
            assertThat(decoded.message()).as("message of '%s'", c.name()).isNotNull();
            assertThat(decoded.faultToAnswer()).isNull();
        } else {
            assertThat(decoded.message()).isNull();
            assertThat(decoded.receivedFault()).isNull();
            assertThat(decoded.faultToAnswer().faultCode()).isEqualTo(c.fault());
            assertThat(decoded.faultToAnswer().faultString()).isNotBlank();
        }
    }

    @Test
    void theTableCoversAtLeastTwentyFourCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(24);
    }

    @Test
    void anExternalEntityIsNeverResolvedSoTheFileContentAppearsNowhere() {
        Case xxe = cases().filter(c -> c.name().startsWith("XXE")).findFirst().orElseThrow();
        Decoded decoded = DECODER.decode(xxe.input().get());

        assertThat(decoded.toString()).doesNotContain(CANARY);
        assertThat(decoded.faultToAnswer().toString()).doesNotContain(CANARY);
        assertThat(decoded.problems()).singleElement().extracting(EbmsError::description).asString().contains("DOCTYPE");
    }

    @Test
    void theUnbrokenFixturesAreValidSoEachCaseTestsOnlyItsOwnDefect() {
        Decoded packagedUser = DECODER.decode(packaged(userMessage()));
        Decoded bareAck = DECODER.decode(bare(acknowledgment("")));

        assertThat(packagedUser.problems()).isEmpty();
        assertThat(packagedUser.message().payloads()).singleElement().satisfies(p -> {
            assertThat(p.contentId()).isEqualTo(PAYLOAD_CID);
            assertThat(p.contentType()).isEqualTo("application/hl7-v2");
            assertThat(new String(p.content(), StandardCharsets.UTF_8)).isEqualTo(TestMessages.HL7);
        });
        assertThat(bareAck.problems()).isEmpty();
        assertThat(DECODER.decode(bare(mshMessage("Pong", "ping@x", "", ""))).problems()).isEmpty();
    }

    @Test
    void theDecoderNeverThrowsForAnyTruncationOrCorruptionOfARealPackage() {
        byte[] real = WireInputs.read(GoldenFiles.bytes(
                "ebms-core-captures/06-reliable-sync-ack-signed/peer-to-gateway/001-request.raw")).body();
        String contentType = WireInputs.read(GoldenFiles.bytes(
                "ebms-core-captures/06-reliable-sync-ack-signed/peer-to-gateway/001-request.raw")).contentType();
        EbmsDecoder fast = new EbmsDecoder(new EbmsDecoder.Options(1 << 20, false));
        Random random = new Random(20261122);
        for (int length = 0; length <= real.length; length += 11) {
            byte[] cut = java.util.Arrays.copyOf(real, length);
            assertNeverThrows(fast, new WireMessage(contentType, null, cut));
        }
        for (int i = 0; i < 300; i++) {
            byte[] corrupt = real.clone();
            corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            assertNeverThrows(i % 10 == 0 ? DECODER : fast, new WireMessage(contentType, null, corrupt));
        }
    }

    private static void assertNeverThrows(EbmsDecoder decoder, WireMessage wire) {
        assertThatCode(() -> {
            Decoded decoded = decoder.decode(wire);
            assertThat(decoded.isReadable() || !decoded.problems().isEmpty()).isTrue();
            assertThat(decoded.problems()).noneMatch(p -> p.is(ErrorCode.UNKNOWN));
        }).doesNotThrowAnyException();
    }

    private static Case readable(String name, Supplier<WireMessage> input, ErrorCode code, Severity severity, String location) {
        return new Case(name, input, DECODER, code, severity, location, null);
    }

    private static Case unreadable(String name, Supplier<WireMessage> input, ErrorCode code, String location, String fault) {
        return new Case(name, input, DECODER, code, Severity.ERROR, location, fault);
    }

    private static Case unreadable(String name, Supplier<WireMessage> input, EbmsDecoder decoder, ErrorCode code,
                                   String location, String fault) {
        return new Case(name, input, decoder, code, Severity.ERROR, location, fault);
    }

    /** Replaces {@code from} (which must occur, so that no case silently tests the unbroken fixture). */
    static String swap(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalStateException("fixture does not contain: " + from);
        }
        return text.replace(from, to);
    }

    private static WireMessage withContentType(WireMessage wire, String contentType) {
        return new WireMessage(contentType, wire.soapAction(), wire.body());
    }

    private static WireMessage withBody(WireMessage wire, java.util.function.UnaryOperator<String> change) {
        String body = new String(wire.body(), StandardCharsets.UTF_8);
        return new WireMessage(wire.contentType(), wire.soapAction(), change.apply(body).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        String envelope = userMessage().substring(userMessage().indexOf("<soap:Envelope"));
        return dtd.append("]>\n").append(swap(envelope, ">conv-1<", ">&lol9;<")).toString();
    }
}
