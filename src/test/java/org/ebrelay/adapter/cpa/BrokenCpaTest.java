package org.ebrelay.adapter.cpa;

import org.ebrelay.adapter.cpa.CpaFileLoaderTest.Position;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of the example CPA with one fault each: the loader rejects each with one problem, in words, at the line
 * (and, where it is meaningful, the column) of the faulty element. Expected positions are computed from the
 * modified text, so they follow the edits.
 */
class BrokenCpaTest {
    private static final String EXAMPLE = CpaFileLoaderTest.text(CpaFileLoaderTest.EXAMPLE);
    private static final String RGH_RELIABLE_EXCHANGE = "<tns:DocExchange tns:docExchangeId=\"RGH_DocExchange_Reliable\">";

    /** Where the problem is expected: at the anchor's start (our checks), just after it (Xerces), or on its line. */
    enum Column { START, END, ANY }

    record Fault(String name, UnaryOperator<String> edit, String after, String anchor, Column column, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    Path dir;

    static Stream<Fault> faults() {
        return Stream.of(
                schemaFaults(),
                agreementFaults(),
                referenceFaults(),
                bindingFaults(),
                reliabilityFaults(),
                transportAndSecurityFaults()).flatMap(s -> s);
    }

    static Stream<Fault> schemaFaults() {
        return Stream.of(
                new Fault("an unqualified attribute",
                        replace("<tns:PartyId tns:type=\"urn:oid:2.16.840.1.113883.19.5\">RGH", "<tns:PartyId type=\"urn:oid:2.16.840.1.113883.19.5\">RGH"),
                        null, "<tns:PartyId type=\"urn:oid:2.16.840.1.113883.19.5\">", Column.END,
                        "attribute \"type\" is not allowed on tns:PartyId; CPA attributes must be namespace-qualified: write tns:type"),
                new Fault("a missing required element",
                        replace("\t<tns:End>2031-11-19T00:00:00Z</tns:End>\n", ""),
                        null, "<tns:PartyInfo tns:partyName=\"RiversideGeneralHospital\" tns:defaultMshChannelId=\"RGH_MshSignalChannel\" tns:defaultMshPackageId=\"MshSignalPackage\">",
                        Column.END, "unexpected element tns:PartyInfo: tns:End is expected here (missing, misspelt or out of order?)"),
                new Fault("a bad enumeration value",
                        replace("tns:syncReplyMode=\"mshSignalsOnly\"", "tns:syncReplyMode=\"sometimes\""),
                        null, "<tns:MessagingCharacteristics tns:syncReplyMode=\"sometimes\" tns:ackRequested=\"always\" tns:ackSignatureRequested=\"always\" tns:duplicateElimination=\"always\" tns:actor=\"urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH\"/>",
                        Column.END, "the value \"sometimes\" of attribute tns:syncReplyMode on tns:MessagingCharacteristics is not"
                        + " valid: allowed values are mshSignalsOnly, responseOnly, signalsAndResponse, signalsOnly, none"),
                new Fault("a bad duration",
                        replace("<tns:RetryInterval>PT30S</tns:RetryInterval>", "<tns:RetryInterval>30 seconds</tns:RetryInterval>"),
                        null, "<tns:RetryInterval>30 seconds</tns:RetryInterval>", Column.END,
                        "the value \"30 seconds\" of tns:RetryInterval is not valid: it must be a duration such as PT30S or P1D"),
                new Fault("a bad date",
                        replace("<tns:Start>2026-01-01T00:00:00Z</tns:Start>", "<tns:Start>1 January 2026</tns:Start>"),
                        null, "<tns:Start>1 January 2026</tns:Start>", Column.END,
                        "the value \"1 January 2026\" of tns:Start is not valid: it must be a date and time such as 2026-01-01T00:00:00Z"),
                new Fault("a bad boolean",
                        replace("tns:isNonRepudiationRequired=\"true\"", "tns:isNonRepudiationRequired=\"yes\""),
                        null, "tns:isNonRepudiationRequired=\"yes\"", Column.ANY,
                        "the value \"yes\" of attribute tns:isNonRepudiationRequired on tns:BusinessTransactionCharacteristics"
                        + " is not valid: it must be true or false"),
                new Fault("a missing required attribute",
                        replace("tns:id=\"RGH_S_OML_O21\" tns:action", "tns:action"),
                        null, "<tns:ThisPartyActionBinding tns:action=\"OML_O21\" tns:packageId=\"HL7v2PayloadPackage\">", Column.END,
                        "element tns:ThisPartyActionBinding lacks the required attribute tns:id"),
                new Fault("a duplicate id",
                        replace("tns:channelId=\"NRL_MshSignalChannel\" tns:transportId", "tns:channelId=\"RGH_MshSignalChannel\" tns:transportId"),
                        null, "<tns:DeliveryChannel tns:channelId=\"RGH_MshSignalChannel\" tns:transportId=\"NRL_Transport\" tns:docExchangeId=\"NRL_DocExchange_Signals\">",
                        Column.END, "the id \"RGH_MshSignalChannel\" is used more than once; ids (channelId, certId, transportId,"
                        + " docExchangeId, securityId, binding and packaging ids) must be unique in the CPA"),
                new Fault("an unknown element",
                        replace("\t<tns:Comment xml:lang", "\t<tns:Comments/>\n\t<tns:Comment xml:lang"),
                        null, "<tns:Comments/>", Column.END,
                        "unexpected element tns:Comments: one of tns:Packaging, tns:Signature, tns:Comment is expected here"
                        + " (missing, misspelt or out of order?)"));
    }

    static Stream<Fault> agreementFaults() {
        return Stream.of(
                new Fault("a proposed status", replace("tns:value=\"agreed\"", "tns:value=\"proposed\""),
                        null, "<tns:Status", Column.START, "status is \"proposed\": a CPA still under negotiation cannot"
                        + " govern messages (CPA-2); set tns:Status tns:value to \"agreed\" or \"signed\" once both parties agree"),
                new Fault("a start after the end",
                        replace("<tns:Start>2026-01-01T00:00:00Z", "<tns:Start>2032-01-01T00:00:00Z"),
                        null, "<tns:End>", Column.START,
                        "End 2031-11-19T00:00:00Z is not after Start 2032-01-01T00:00:00Z: the agreement would never be valid"),
                new Fault("both parties with one PartyId", replace(">NRL-0042</tns:PartyId>", ">RGH-0001</tns:PartyId>"),
                        "tns:partyName=\"NorthfieldRegionalLaboratory\"", "<tns:PartyId", Column.START,
                        "parties RiversideGeneralHospital and NorthfieldRegionalLaboratory both use PartyId \"RGH-0001\""
                        + " (type \"urn:oid:2.16.840.1.113883.19.5\"); each party needs its own (CPA-4)"));
    }

    static Stream<Fault> referenceFaults() {
        return Stream.of(
                new Fault("a ChannelId naming no channel",
                        replace("<tns:ChannelId>RGH_ReliableChannel<", "<tns:ChannelId>RGH_ReliableChanel<"),
                        null, "<tns:ChannelId>RGH_ReliableChanel", Column.START,
                        "delivery channel \"RGH_ReliableChanel\" named by action binding \"RGH_S_OML_O21\" does not exist"
                        + " in party RiversideGeneralHospital"),
                new Fault("a ChannelId naming the other party's channel",
                        replace("<tns:ChannelId>RGH_ReliableChannel<", "<tns:ChannelId>NRL_ReliableChannel<"),
                        null, "<tns:ChannelId>NRL_ReliableChannel", Column.START,
                        "delivery channel \"NRL_ReliableChannel\" named by action binding \"RGH_S_OML_O21\" belongs to party"
                        + " NorthfieldRegionalLaboratory; it must be one of party RiversideGeneralHospital's own"),
                new Fault("a transportId naming no transport",
                        replace("tns:transportId=\"RGH_Transport\" tns:docExchangeId=\"RGH_DocExchange_Reliable\"",
                                "tns:transportId=\"RGH_Transprot\" tns:docExchangeId=\"RGH_DocExchange_Reliable\""),
                        null, "<tns:DeliveryChannel tns:channelId=\"RGH_ReliableChannel\"", Column.START,
                        "transport \"RGH_Transprot\" named by delivery channel \"RGH_ReliableChannel\" does not exist in party"
                        + " RiversideGeneralHospital"),
                new Fault("a docExchangeId naming a transport",
                        replace("tns:transportId=\"RGH_Transport\" tns:docExchangeId=\"RGH_DocExchange_Reliable\"",
                                "tns:transportId=\"RGH_Transport\" tns:docExchangeId=\"RGH_Transport\""),
                        null, "<tns:DeliveryChannel tns:channelId=\"RGH_ReliableChannel\"", Column.START,
                        "\"RGH_Transport\" named by delivery channel \"RGH_ReliableChannel\" is a transport, not a DocExchange"),
                new Fault("a packageId naming no packaging",
                        replace("tns:id=\"RGH_S_OML_O21\" tns:action=\"OML_O21\" tns:packageId=\"HL7v2PayloadPackage\"",
                                "tns:id=\"RGH_S_OML_O21\" tns:action=\"OML_O21\" tns:packageId=\"HL7v2Package\""),
                        null, "<tns:ThisPartyActionBinding tns:id=\"RGH_S_OML_O21\"", Column.START,
                        "packaging \"HL7v2Package\" named by action binding \"RGH_S_OML_O21\" does not exist"),
                new Fault("a default MSH channel that does not exist",
                        replace("tns:defaultMshChannelId=\"RGH_MshSignalChannel\"", "tns:defaultMshChannelId=\"RGH_SignalChannel\""),
                        null, "<tns:PartyInfo tns:partyName=\"RiversideGeneralHospital\"", Column.START,
                        "delivery channel \"RGH_SignalChannel\" named by party RiversideGeneralHospital as its default MSH"
                        + " channel (defaultMshChannelId) does not exist in party RiversideGeneralHospital"),
                new Fault("a default MSH package that does not exist",
                        replace("tns:defaultMshPackageId=\"MshSignalPackage\"", "tns:defaultMshPackageId=\"MshPackage\""),
                        null, "<tns:PartyInfo tns:partyName=\"RiversideGeneralHospital\"", Column.START,
                        "packaging \"MshPackage\" named by party RiversideGeneralHospital as its default MSH package"
                        + " (defaultMshPackageId) does not exist"),
                new Fault("a signing certificate that does not exist",
                        replace("<tns:SigningCertificateRef tns:certId=\"RGH_Cert\"/>", "<tns:SigningCertificateRef tns:certId=\"RGH_Certificate\"/>"),
                        null, "<tns:SigningCertificateRef tns:certId=\"RGH_Certificate\"/>", Column.START,
                        "certificate \"RGH_Certificate\" named by DocExchange \"RGH_DocExchange_Reliable\" (SigningCertificateRef)"
                        + " does not exist"),
                new Fault("a trust anchor naming security details instead of a certificate",
                        replace("<tns:AnchorCertificateRef tns:certId=\"RGH_TrustedCACert\"/>", "<tns:AnchorCertificateRef tns:certId=\"RGH_TrustAnchors\"/>"),
                        null, "<tns:AnchorCertificateRef", Column.START,
                        "\"RGH_TrustAnchors\" named by security details \"RGH_TrustAnchors\" (AnchorCertificateRef) is a security"
                        + " details, not a certificate"),
                new Fault("security details that do not exist",
                        replace("<tns:SigningSecurityDetailsRef tns:securityId=\"RGH_TrustAnchors\"/>", "<tns:SigningSecurityDetailsRef tns:securityId=\"RGH_Anchors\"/>"),
                        null, "<tns:SigningSecurityDetailsRef tns:securityId=\"RGH_Anchors\"/>", Column.START,
                        "security details \"RGH_Anchors\" named by DocExchange \"RGH_DocExchange_Reliable\""
                        + " (SigningSecurityDetailsRef) does not exist"),
                new Fault("an MSH override naming no channel",
                        replace("\t\t</tns:DocExchange>\n\t</tns:PartyInfo>", "\t\t</tns:DocExchange>\n\t\t<tns:OverrideMshActionBinding"
                                + " tns:action=\"Acknowledgment\" tns:channelId=\"RGH_AckChannel\"/>\n\t</tns:PartyInfo>"),
                        null, "<tns:OverrideMshActionBinding", Column.START,
                        "delivery channel \"RGH_AckChannel\" named by the OverrideMshActionBinding for action \"Acknowledgment\""
                        + " does not exist in party RiversideGeneralHospital"));
    }

    static Stream<Fault> bindingFaults() {
        return Stream.of(
                new Fault("an other-party binding of another action",
                        replace(">NRL_R_OML_O21</tns:OtherPartyActionBinding>", ">NRL_S_ORU_R01</tns:OtherPartyActionBinding>"),
                        null, "<tns:OtherPartyActionBinding>NRL_S_ORU_R01", Column.START,
                        "action binding \"NRL_S_ORU_R01\" named by the OtherPartyActionBinding of action binding \"RGH_S_OML_O21\""
                        + " is for action \"ORU_R01\", not \"OML_O21\"; both sides must bind the same service and action"),
                new Fault("an other-party binding of the same party",
                        replace(">NRL_R_OML_O21</tns:OtherPartyActionBinding>", ">RGH_R_ORU_R01</tns:OtherPartyActionBinding>"),
                        null, "<tns:OtherPartyActionBinding>RGH_R_ORU_R01", Column.START,
                        "action binding \"RGH_R_ORU_R01\" named by the OtherPartyActionBinding of action binding \"RGH_S_OML_O21\""
                        + " belongs to party RiversideGeneralHospital; it must be one of party NorthfieldRegionalLaboratory's own"));
    }

    static Stream<Fault> reliabilityFaults() {
        String reliableMessaging = "\t\t\t\t<tns:ReliableMessaging>\n\t\t\t\t\t<tns:Retries>3</tns:Retries>\n"
                + "\t\t\t\t\t<tns:RetryInterval>PT30S</tns:RetryInterval>\n"
                + "\t\t\t\t\t<tns:MessageOrderSemantics>NotGuaranteed</tns:MessageOrderSemantics>\n\t\t\t\t</tns:ReliableMessaging>\n";
        String needsRetries = "delivery channel \"RGH_ReliableChannel\" asks for acknowledgments (ackRequested=\"always\"), so"
                + " ebXMLSenderBinding of DocExchange \"RGH_DocExchange_Reliable\" needs ReliableMessaging with Retries and"
                + " RetryInterval (how often and how long to re-send)";
        return Stream.of(
                new Fault("acknowledgments without reliable messaging", replace(reliableMessaging, ""),
                        RGH_RELIABLE_EXCHANGE, "<tns:ebXMLSenderBinding", Column.START, needsRetries),
                new Fault("acknowledgments without Retries", replace("\t\t\t\t\t<tns:Retries>3</tns:Retries>\n", ""),
                        RGH_RELIABLE_EXCHANGE, "<tns:ReliableMessaging>", Column.START, needsRetries),
                new Fault("duplicate elimination without PersistDuration",
                        replace("\t\t\t\t<tns:PersistDuration>P1D</tns:PersistDuration>\n", ""),
                        RGH_RELIABLE_EXCHANGE, "<tns:ebXMLSenderBinding", Column.START,
                        "delivery channel \"RGH_ReliableChannel\" eliminates duplicates (duplicateElimination=\"always\"), so"
                        + " ebXMLSenderBinding of DocExchange \"RGH_DocExchange_Reliable\" needs a PersistDuration (how long"
                        + " received message ids are remembered)"),
                new Fault("negative Retries", replace("<tns:Retries>3<", "<tns:Retries>-1<"),
                        null, "<tns:Retries>-1", Column.START,
                        "Retries in ebXMLSenderBinding of DocExchange \"RGH_DocExchange_Reliable\" must be 0 or more, not -1"),
                new Fault("a zero RetryInterval", replace("<tns:RetryInterval>PT30S<", "<tns:RetryInterval>PT0S<"),
                        null, "<tns:RetryInterval>PT0S", Column.START,
                        "RetryInterval in ebXMLSenderBinding of DocExchange \"RGH_DocExchange_Reliable\" must be longer than"
                        + " zero, not PT0S"),
                new Fault("a negative PersistDuration", replace("<tns:PersistDuration>P1D<", "<tns:PersistDuration>-P1D<"),
                        null, "<tns:PersistDuration>-P1D", Column.START,
                        "PersistDuration in ebXMLSenderBinding of DocExchange \"RGH_DocExchange_Reliable\" must be longer than"
                        + " zero, not -P1D"),
                new Fault("guaranteed order with synchronous replies",
                        replace(">NotGuaranteed</tns:MessageOrderSemantics>", ">Guaranteed</tns:MessageOrderSemantics>"),
                        null, "<tns:MessageOrderSemantics>Guaranteed", Column.START,
                        "ordered delivery (MessageOrderSemantics Guaranteed) cannot be combined with synchronous replies, but"
                        + " delivery channel \"RGH_ReliableChannel\" has syncReplyMode=\"mshSignalsOnly\" (SYN-3); use"
                        + " syncReplyMode=\"none\" or NotGuaranteed"));
    }

    static Stream<Fault> transportAndSecurityFaults() {
        String rghEndpoint = "tns:uri=\"https://ebms.riverside-hospital.example.org/ebms/inbound\"";
        return Stream.of(
                new Fault("an ftp endpoint",
                        replace(rghEndpoint, "tns:uri=\"ftp://ebms.riverside-hospital.example.org/inbound\""),
                        null, "<tns:Endpoint tns:uri=\"ftp:", Column.START,
                        "endpoint \"ftp://ebms.riverside-hospital.example.org/inbound\" of transport \"RGH_Transport\" is not"
                        + " an absolute http or https URL such as https://host.example.org/ebms"),
                new Fault("a relative endpoint", replace(rghEndpoint, "tns:uri=\"/ebms/inbound\""),
                        null, "<tns:Endpoint tns:uri=\"/ebms", Column.START,
                        "endpoint \"/ebms/inbound\" of transport \"RGH_Transport\" is not an absolute http or https URL"),
                new Fault("a receiving channel with only a login endpoint",
                        replace(rghEndpoint + " tns:type=\"allPurpose\"", rghEndpoint + " tns:type=\"login\""),
                        null, "<tns:DeliveryChannel tns:channelId=\"RGH_ReliableChannel\"", Column.START,
                        "delivery channel \"RGH_ReliableChannel\" receives action \"ORU_R01\" but its transport \"RGH_Transport\""
                        + " has no endpoint to receive it on (a TransportReceiver/Endpoint that is not of type login)"),
                new Fault("a certificate that is not X.509", replace("MIID4TCCAsmgAwIBAgICA+kw", "MIIE4TCCAsmgAwIBAgICA+kw"),
                        "tns:certId=\"RGH_Cert\">", "<ds:X509Certificate>", Column.START,
                        "certificate \"RGH_Cert\" cannot be read as an X.509 certificate: "),
                new Fault("a digital envelope",
                        replace("</tns:SenderNonRepudiation>", "</tns:SenderNonRepudiation>\n\t\t\t\t<tns:SenderDigitalEnvelope>"
                                + "<tns:DigitalEnvelopeProtocol tns:version=\"1.0\">XMLENC</tns:DigitalEnvelopeProtocol>"
                                + "<tns:EncryptionAlgorithm>http://www.w3.org/2001/04/xmlenc#aes128-cbc</tns:EncryptionAlgorithm>"
                                + "</tns:SenderDigitalEnvelope>"),
                        null, "<tns:SenderDigitalEnvelope>", Column.START,
                        "DocExchange \"RGH_DocExchange_Reliable\" asks for payload encryption (tns:SenderDigitalEnvelope), which"
                        + " ebrelay does not support; remove it and rely on TLS for confidentiality"),
                new Fault("an unsupported signature algorithm",
                        replace(">http://www.w3.org/2001/04/xmldsig-more#rsa-sha256<", ">http://www.w3.org/2000/09/xmldsig#dsa-sha1<"),
                        null, "<tns:SignatureAlgorithm>http://www.w3.org/2000/09/xmldsig#dsa-sha1", Column.START,
                        "SignatureAlgorithm \"http://www.w3.org/2000/09/xmldsig#dsa-sha1\" in SenderNonRepudiation of DocExchange"
                        + " \"RGH_DocExchange_Reliable\" is not supported; use one of"),
                new Fault("an unsupported hash function",
                        replace(">http://www.w3.org/2001/04/xmlenc#sha256<", ">http://www.w3.org/2001/04/xmldsig-more#md5<"),
                        null, "<tns:HashFunction>http://www.w3.org/2001/04/xmldsig-more#md5", Column.START,
                        "HashFunction \"http://www.w3.org/2001/04/xmldsig-more#md5\" in SenderNonRepudiation of DocExchange"
                        + " \"RGH_DocExchange_Reliable\" is not supported; use one of"),
                new Fault("signed acknowledgments from a party that cannot sign them", BrokenCpaTest::unsignedLabSignals,
                        null, "<tns:MessagingCharacteristics tns:syncReplyMode=\"mshSignalsOnly\"", Column.START,
                        "delivery channel \"RGH_ReliableChannel\" asks for signed acknowledgments (ackSignatureRequested=\"always\"),"
                        + " but party NorthfieldRegionalLaboratory's MSH channel for Acknowledgment has no SenderNonRepudiation"
                        + " to sign them with"));
    }

    /** Removes SenderNonRepudiation from the laboratory's signal DocExchange. */
    private static String unsignedLabSignals(String text) {
        int exchange = text.indexOf("<tns:DocExchange tns:docExchangeId=\"NRL_DocExchange_Signals\">");
        int start = text.indexOf("\t\t\t\t<tns:SenderNonRepudiation>", exchange);
        String end = "</tns:SenderNonRepudiation>\n";
        int stop = text.indexOf(end, start) + end.length();
        return text.substring(0, start) + text.substring(stop);
    }

    private static UnaryOperator<String> replace(String find, String replacement) {
        return text -> {
            int index = text.indexOf(find);
            if (index < 0) {
                return text;
            }
            return text.substring(0, index) + replacement + text.substring(index + find.length());
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aBrokenCopyOfTheExampleCpaFailsWithOneProblemAtTheFaultyElement(Fault fault) throws IOException {
        String broken = fault.edit().apply(EXAMPLE);
        assertThat(broken).as("the edit changes the example").isNotEqualTo(EXAMPLE);
        Path file = Files.writeString(dir.resolve("broken.xml"), broken);

        CpaLoadResult result = new CpaFileLoader(CpaFileLoaderTest.CLOCK).load(file);

        Position at = Position.of(broken, fault.after(), fault.anchor());
        assertThat(result.agreement()).isNull();
        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(file);
            assertThat(problem.message()).contains(fault.message());
            assertThat(problem.line()).isEqualTo(at.line());
            if (fault.column() == Column.START) {
                assertThat(problem.column()).isEqualTo(at.column());
            } else if (fault.column() == Column.END) {
                assertThat(problem.column()).isEqualTo(at.column() + fault.anchor().length());
            }
        });
    }
}
