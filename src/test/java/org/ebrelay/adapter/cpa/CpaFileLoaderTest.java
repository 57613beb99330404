package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CpaFileLoaderTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
    static final Path EXAMPLE = Path.of("cpa", "example-hl7v2-laboratory.xml");

    private final CpaFileLoader loader = new CpaFileLoader(CLOCK);

    @TempDir
    Path dir;

    @Test
    void everyCpaInTheCpaFolderLoadsWithoutProblemsOrWarningsAndResolvesItsRoutes() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("cpa"))) {
            files = listing.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            CpaLoadResult result = loader.load(file);
            assertThat(result.problems()).as(file.toString()).isEmpty();
            assertThat(result.warnings()).as(file.toString()).isEmpty();
            assertThat(result.isValid()).isTrue();
            var agreement = result.agreement();
            for (var party : agreement.parties()) {
                for (var send : party.bindings(org.ebrelay.domain.cpa.ActionBinding.Direction.SEND)) {
                    assertThat(agreement.route(party.firstPartyId(), send.roleName(),
                            agreement.otherParty(party).firstPartyId(), send.service(), send.action()))
                            .as(file + " " + send.id()).isPresent();
                }
            }
        }
    }

    @Test
    void aProblemPrintsAsFileLineColumnMessage() throws IOException {
        Path file = write(text(EXAMPLE).replace("tns:value=\"agreed\"", "tns:value=\"proposed\""));
        CpaProblem problem = loader.load(file).problems().get(0);
        assertThat(problem.toString()).isEqualTo(file + ":20:2: " + problem.message());
        assertThat(problem.file()).isEqualTo(file);
    }

    @Test
    void aMissingFileIsAProblemWithoutPosition() {
        CpaLoadResult result = loader.load(dir.resolve("nowhere.xml"));
        assertThat(result.agreement()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.column()).isZero();
            assertThat(p.message()).isEqualTo("the file does not exist");
        });
    }

    @Test
    void aDirectoryIsNotReadableAsACpa() {
        assertThat(loader.load(dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("the file cannot be read"));
    }

    @Test
    void anEmptyFileIsReportedAsEmpty() throws IOException {
        assertThat(loader.load(write("")).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).isEqualTo("the file is empty; a CPA is an XML document");
        });
        assertThat(loader.load(write("  \n\t\n")).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("the file is empty"));
    }

    @Test
    void aFileThatIsNotXmlSaysSo() throws IOException {
        assertThat(loader.load(write("cpaid = urn:example:1\n")).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).isEqualTo("not an XML document: there is text before the first element");
        });
    }

    @Test
    void anXmlDocumentThatIsNotACpaSaysWhatItsRootIs() throws IOException {
        assertThat(loader.load(write("<order xmlns=\"urn:x\"/>")).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("the root element is order, not "
                        + "tns:CollaborationProtocolAgreement"));
    }

    @Test
    void aTruncatedDocumentIsNotWellFormed() throws IOException {
        String text = text(EXAMPLE);
        assertThat(loader.load(write(text.substring(0, text.indexOf("<tns:Certificate")))).problems())
                .extracting(CpaProblem::message)
                .anySatisfy(m -> assertThat(m).contains("the file ends before the XML document is complete"));
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedWithoutReadingTheEntity() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE tns:CollaborationProtocolAgreement [\n"
                + "  <!ENTITY leak SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + text(EXAMPLE).substring(text(EXAMPLE).indexOf("<tns:CollaborationProtocolAgreement"))
                .replace("<tns:Comment xml:lang=\"en\">", "<tns:Comment xml:lang=\"en\">&leak;");
        CpaLoadResult result = loader.load(write(xxe));
        assertThat(result.agreement()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("a DOCTYPE is not allowed in a CPA").doesNotContain("TOP-SECRET");
        });
    }

    @Test
    void valuesAreTrimmedAndSignatureAlgorithmsComeFromTheTextNotTheOid() throws IOException {
        String text = text(EXAMPLE)
                .replace("tns:uri=\"https://ebms.riverside-hospital.example.org/ebms/inbound\"",
                        "tns:uri=\"  https://ebms.riverside-hospital.example.org/ebms/inbound \"")
                .replace("<tns:ChannelId>NRL_ReliableChannel</tns:ChannelId>",
                        "<tns:ChannelId>\n\t\tNRL_ReliableChannel\n</tns:ChannelId>")
                .replace("<tns:MessageOrderSemantics>NotGuaranteed</tns:MessageOrderSemantics>",
                        "<tns:MessageOrderSemantics>NotGuaranteed\n</tns:MessageOrderSemantics>")
                .replace("<tns:SignatureAlgorithm>http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                        "<tns:SignatureAlgorithm tns:oid=\"1.2.840.113549.1.1.5\"> http://www.w3.org/2001/04/xmldsig-more#rsa-sha256 ");
        CpaLoadResult result = loader.load(write(text));
        assertThat(result.problems()).isEmpty();
        PartyId nrl = PartyId.of("urn:oid:2.16.840.1.113883.19.5", "NRL-0042");
        PartyId rgh = PartyId.of("urn:oid:2.16.840.1.113883.19.5", "RGH-0001");
        Service lab = Service.of("urn:example:service-type:hl7v2", "urn:example:services:hl7v2:laboratory");
        Route route = result.agreement().route(nrl, null, rgh, lab, "ORU_R01").orElseThrow();
        assertThat(route.sendChannel().channelId()).isEqualTo("NRL_ReliableChannel");
        assertThat(route.endpoint().uri()).isEqualTo(URI.create("https://ebms.riverside-hospital.example.org/ebms/inbound"));
        assertThat(route.receiveChannel().senderTerms().security().signatureAlgorithm())
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
    }

    @Test
    void anExpiredAgreementStillLoadsWithAWarning() throws IOException {
        String text = text(EXAMPLE).replace("<tns:End>2031-11-19T00:00:00Z</tns:End>", "<tns:End>2026-06-30T00:00:00Z</tns:End>");
        CpaLoadResult result = loader.load(write(text));
        assertThat(result.isValid()).isTrue();
        assertThat(result.agreement().isUsableAt(CLOCK.instant())).isFalse();
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(22);
            assertThat(w.column()).isEqualTo(2);
            assertThat(w.message()).isEqualTo("the agreement expired on 2026-06-30T00:00:00Z: it loads, but no message"
                    + " can be sent or accepted under it (CPA-3)");
        });
    }

    @Test
    void anAgreementThatStartsLaterLoadsWithAWarning() throws IOException {
        String text = text(EXAMPLE).replace("<tns:Start>2026-01-01T00:00:00Z</tns:Start>", "<tns:Start>2028-01-01T00:00:00Z</tns:Start>");
        CpaLoadResult result = loader.load(write(text));
        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).extracting(CpaProblem::message)
                .containsExactly("the agreement is not valid before 2028-01-01T00:00:00Z: until then no message can be"
                        + " sent or accepted under it (CPA-3)");
    }

    @Test
    void expiredCertificatesAreWarnings() {
        CpaLoadResult result = new CpaFileLoader(Clock.fixed(Instant.parse("2032-01-01T00:00:00Z"), ZoneOffset.UTC))
                .load(EXAMPLE);
        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).extracting(CpaProblem::line).containsExactly(22, 59, 229);
        assertThat(result.warnings().get(1).message()).startsWith("certificate \"RGH_Cert\" (CN=ebms.riverside-hospital")
                .endsWith("expired on 2031-11-20T22:46:09Z");
    }

    @Test
    void aPersistDurationShorterThanTheRetryWindowIsAWarning() throws IOException {
        String text = text(EXAMPLE).replaceFirst("<tns:PersistDuration>P1D</tns:PersistDuration>",
                "<tns:PersistDuration>PT1M</tns:PersistDuration>");
        CpaLoadResult result = loader.load(write(text));
        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(151);
            assertThat(w.column()).isEqualTo(5);
            assertThat(w.message()).isEqualTo("PersistDuration 1 min in ebXMLSenderBinding of DocExchange"
                    + " \"RGH_DocExchange_Reliable\" is shorter than the retry window of 2 min ((1 + 3 retries) x 30 s):"
                    + " re-sending stops when PersistDuration ends, so not every retry is made (RM-R7)");
        });
    }

    @Test
    void aStartWithoutTimeZoneIsTakenAsUtcWithAWarning() throws IOException {
        String text = text(EXAMPLE).replace("<tns:Start>2026-01-01T00:00:00Z</tns:Start>", "<tns:Start>2026-01-01T00:00:00</tns:Start>");
        CpaLoadResult result = loader.load(write(text));
        assertThat(result.agreement().start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(result.warnings()).extracting(CpaProblem::message).singleElement().asString()
                .startsWith("tns:Start 2026-01-01T00:00:00 has no time zone; it is taken as UTC");
    }

    @Test
    void anUntypedServiceThatIsNotAUriIsAnErrorOnBothSides() throws IOException {
        String text = text(Path.of("cpa", "cpa-hl7-rm-async.xml"))
                .replace("<tns:Service>urn:example:services:hl7</tns:Service>", "<tns:Service>hl7</tns:Service>");
        CpaLoadResult result = loader.load(write(text));
        assertThat(result.problems()).extracting(CpaProblem::line).containsExactly(23, 87);
        assertThat(result.problems()).extracting(CpaProblem::message).allSatisfy(m -> assertThat(m)
                .isEqualTo("service \"hl7\" has no tns:type, so ebMS requires it to be a URI (HDR-2); add a tns:type"
                        + " or use a URI such as urn:example:hl7"));
    }

    @Test
    void aCanSendWithoutCanReceiveIsAnErrorAndTheUnusedCanReceiveAWarning() throws IOException {
        String text = text(EXAMPLE)
                .replace("\t\t\t\t\t<tns:OtherPartyActionBinding>NRL_R_OML_O21</tns:OtherPartyActionBinding>\n", "")
                .replace("\t\t\t\t\t<tns:OtherPartyActionBinding>RGH_S_OML_O21</tns:OtherPartyActionBinding>\n", "")
                .replace("tns:id=\"NRL_R_OML_O21\" tns:action=\"OML_O21\"", "tns:id=\"NRL_R_OML_O21\" tns:action=\"OML_O33\"");
        CpaLoadResult result = loader.load(write(text));
        Position send = Position.of(text, null, "<tns:ThisPartyActionBinding tns:id=\"RGH_S_OML_O21\"");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(send.line());
            assertThat(p.column()).isEqualTo(send.column());
            assertThat(p.message()).isEqualTo("party RiversideGeneralHospital may send action \"OML_O21\" of service"
                    + " \"urn:example:services:hl7v2:laboratory\" (type \"urn:example:service-type:hl7v2\")"
                    + " (action binding \"RGH_S_OML_O21\"), but party NorthfieldRegionalLaboratory has no CanReceive"
                    + " binding for it");
        });
        assertThat(result.warnings()).extracting(CpaProblem::message).singleElement().asString()
                .startsWith("party NorthfieldRegionalLaboratory can receive action \"OML_O33\"");
    }

    @Test
    void anOtherPartyBindingOfTheSameDirectionIsAnError() throws IOException {
        String text = text(Path.of("cpa", "cpa-hl7-rm-async.xml")).replace(
                "<tns:OtherPartyActionBinding>GATEWAY_R_HL7Message</tns:OtherPartyActionBinding>",
                "<tns:OtherPartyActionBinding>GATEWAY_S_HL7Message</tns:OtherPartyActionBinding>");
        CpaLoadResult result = loader.load(write(text));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(29);
            assertThat(p.column()).isEqualTo(6);
            assertThat(p.message()).isEqualTo("action binding \"GATEWAY_S_HL7Message\" named by the OtherPartyActionBinding"
                    + " of action binding \"PEER_S_HL7Message\" is also a CanSend; the other party's binding must be a"
                    + " CanReceive");
        });
    }

    @Test
    void asynchronousAcknowledgmentsNeedAnEndpointOnTheSendersMshChannel() throws IOException {
        String sendOnly = "\t\t<tns:Transport tns:transportId=\"PEER_SendOnly\">\n\t\t\t<tns:TransportSender>\n"
                + "\t\t\t\t<tns:TransportProtocol tns:version=\"1.1\">HTTP</tns:TransportProtocol>\n"
                + "\t\t\t</tns:TransportSender>\n\t\t</tns:Transport>\n";
        String text = text(Path.of("cpa", "cpa-hl7-rm-async.xml"))
                .replace("tns:channelId=\"PEER_DefaultMshChannel\" tns:transportId=\"PEER_Transport\"",
                        "tns:channelId=\"PEER_DefaultMshChannel\" tns:transportId=\"PEER_SendOnly\"")
                .replace("\t\t<tns:DocExchange tns:docExchangeId=\"PEER_BestEffortDocExchange\">",
                        sendOnly + "\t\t<tns:DocExchange tns:docExchangeId=\"PEER_BestEffortDocExchange\">");
        CpaLoadResult result = loader.load(write(text));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(44);
            assertThat(p.column()).isEqualTo(4);
            assertThat(p.message()).isEqualTo("acknowledgments for delivery channel \"PEER_ReliableChannel\" come back"
                    + " asynchronously (syncReplyMode=\"none\"), but transport \"PEER_SendOnly\" of party PEER's MSH"
                    + " channel has no endpoint to receive them");
        });
    }

    @Test
    void anOverrideForAnActionThatIsNotAnMshActionIsAWarning() throws IOException {
        String text = text(EXAMPLE).replaceFirst("\t\t</tns:DocExchange>\n\t</tns:PartyInfo>", "\t\t</tns:DocExchange>\n"
                + "\t\t<tns:OverrideMshActionBinding tns:action=\"ORU_R01\" tns:channelId=\"RGH_MshSignalChannel\"/>\n"
                + "\t</tns:PartyInfo>");
        CpaLoadResult result = loader.load(write(text));
        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).extracting(CpaProblem::line, CpaProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(192, "OverrideMshActionBinding for \"ORU_R01\" has no effect: MSH"
                        + " actions are Acknowledgment, MessageError, Ping, Pong, StatusRequest, StatusResponse"));
        assertThat(result.agreement().parties().get(0).mshChannelOverrides()).containsEntry("ORU_R01", "RGH_MshSignalChannel");
    }

    @Test
    void aProfileIsNotAnAgreement() throws IOException {
        String cpp = "<tns:CollaborationProtocolProfile xmlns:tns=\"http://www.oasis-open.org/committees/ebxml-cppa/schema/cpp-cpa-2_0.xsd\""
                + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" tns:cppid=\"urn:x:cpp\" tns:version=\"1\">\n"
                + text(EXAMPLE).substring(text(EXAMPLE).indexOf("\t<tns:PartyInfo tns:partyName=\"Riverside"),
                        text(EXAMPLE).indexOf("\t<!-- ================================================================== -->\n\t<!-- Party: Northfield"))
                + text(EXAMPLE).substring(text(EXAMPLE).indexOf("\t<tns:SimplePart tns:id=\"MsgHdr\""),
                        text(EXAMPLE).indexOf("\t<tns:Comment"))
                + "</tns:CollaborationProtocolProfile>\n";
        CpaLoadResult result = loader.load(write(cpp));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).isEqualTo("the document is a CollaborationProtocolProfile (one party's profile), not an"
                    + " agreement; ebrelay needs the CPA both parties agreed on");
        });
    }

    @Test
    void aCertificateGivenOnlyByKeyNameIsAllowed() throws IOException {
        String text = text(EXAMPLE);
        int start = text.indexOf("<ds:X509Data>", text.indexOf("tns:certId=\"RGH_Cert\">"));
        int end = text.indexOf("</ds:X509Data>", start) + "</ds:X509Data>".length();
        CpaLoadResult result = loader.load(write(text.substring(0, start) + "<ds:KeyName>RGH signing key</ds:KeyName>"
                + text.substring(end)));
        assertThat(result.problems()).isEmpty();
        var certificate = result.agreement().certificate("RGH_Cert").orElseThrow();
        assertThat(certificate.hasX509()).isFalse();
        assertThat(certificate.der()).isNull();
        assertThat(certificate.keyName()).isEqualTo("RGH signing key");
    }

    @Test
    void channelsThatDisagreeAcrossTheTwoPartiesGiveAWarning() throws IOException {
        String text = text(EXAMPLE).replaceFirst("tns:ackSignatureRequested=\"always\"", "tns:ackSignatureRequested=\"perMessage\"");
        CpaLoadResult result = loader.load(write(text));
        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).extracting(CpaProblem::line, CpaProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(35, "for action \"OML_O21\" delivery channel \"RGH_ReliableChannel\" has"
                        + " ackSignatureRequested=\"perMessage\" but the receiver's delivery channel \"NRL_ReliableChannel\" has"
                        + " ackSignatureRequested=\"always\"; the receiver's value is used"),
                org.assertj.core.groups.Tuple.tuple(205, "for action \"ORU_R01\" delivery channel \"NRL_ReliableChannel\" has"
                        + " ackSignatureRequested=\"always\" but the receiver's delivery channel \"RGH_ReliableChannel\" has"
                        + " ackSignatureRequested=\"perMessage\"; the receiver's value is used"));
    }

    @Test
    void aSignatureRequestWithoutAcknowledgmentsIsAWarning() throws IOException {
        String text = text(EXAMPLE).replace(
                "tns:syncReplyMode=\"none\" tns:ackRequested=\"never\" tns:ackSignatureRequested=\"never\"",
                "tns:syncReplyMode=\"none\" tns:ackRequested=\"never\" tns:ackSignatureRequested=\"always\"");
        CpaLoadResult result = loader.load(write(text));
        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).extracting(CpaProblem::line).containsExactly(123, 293);
        assertThat(result.warnings().get(0).message()).isEqualTo("delivery channel \"RGH_MshSignalChannel\" has"
                + " ackSignatureRequested=\"always\" but ackRequested=\"never\": without acknowledgments there is nothing to sign");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "cpa", ".xml"), text, StandardCharsets.UTF_8);
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line and column (1-based) of {@code anchor}, searched from {@code after} when given. */
    record Position(int line, int column) {
        static Position of(String text, String after, String anchor) {
            int from = after == null ? 0 : text.indexOf(after);
            assertThat(from).as("marker %s", after).isGreaterThanOrEqualTo(0);
            int index = text.indexOf(anchor, from);
            assertThat(index).as("anchor %s", anchor).isGreaterThanOrEqualTo(0);
            int line = 1 + (int) text.substring(0, index).chars().filter(c -> c == '\n').count();
            int column = index - (text.lastIndexOf('\n', index - 1) + 1) + 1;
            return new Position(line, column);
        }
    }
}
