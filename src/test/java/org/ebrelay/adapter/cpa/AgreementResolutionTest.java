package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.AgreementStatus;
import org.ebrelay.domain.cpa.Certificate;
import org.ebrelay.domain.cpa.DeliveryChannel;
import org.ebrelay.domain.cpa.EndpointType;
import org.ebrelay.domain.cpa.MessagingCharacteristics;
import org.ebrelay.domain.cpa.MshRoute;
import org.ebrelay.domain.cpa.ReliabilityTerms;
import org.ebrelay.domain.cpa.Requirement;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.cpa.SecurityTerms;
import org.ebrelay.domain.cpa.SyncReplyMode;
import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** cpa-digest §3 resolution on the CPAs shipped in cpa/, loaded through the real loader. */
class AgreementResolutionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String OID = "urn:oid:2.16.840.1.113883.19.5";
    private static final PartyId RGH = PartyId.of(OID, "RGH-0001");
    private static final PartyId NRL = PartyId.of(OID, "NRL-0042");
    private static final Service LAB = Service.of("urn:example:service-type:hl7v2", "urn:example:services:hl7v2:laboratory");
    private static final String HARNESS_OID = "urn:oid:1.2.826.0.1285.0.2.0.107";
    private static final PartyId PEER = PartyId.of(HARNESS_OID, "PEER");
    private static final PartyId GATEWAY = PartyId.of(HARNESS_OID, "GATEWAY");
    private static final Service HL7 = Service.of(null, "urn:example:services:hl7");

    static Agreement load(String name) {
        CpaLoadResult result = new CpaFileLoader(CLOCK).load(Path.of("cpa", name));
        assertThat(result.problems()).isEmpty();
        return result.agreement();
    }

    @Test
    void theExampleCpaDescribesItsAgreement() {
        Agreement agreement = load("example-hl7v2-laboratory.xml");
        assertThat(agreement.cpaId().value()).isEqualTo("urn:example:cpa:RGH-0001:NRL-0042:hl7v2-laboratory:1");
        assertThat(agreement.version()).isEqualTo("1");
        assertThat(agreement.status()).isEqualTo(AgreementStatus.AGREED);
        assertThat(agreement.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(agreement.end()).isEqualTo(Instant.parse("2031-11-19T00:00:00Z"));
        assertThat(agreement.parties()).extracting(p -> p.partyName())
                .containsExactly("RiversideGeneralHospital", "NorthfieldRegionalLaboratory");
        assertThat(agreement.isUsableAt(CLOCK.instant())).isTrue();
        assertThat(agreement.isUsableAt(Instant.parse("2031-11-19T00:00:00Z"))).isFalse();
    }

    /** The worked example of cpa-digest §5: ORU^R01 from the laboratory to the hospital. */
    @Test
    void anOruR01FromTheLaboratoryResolvesToTheHospitalsReliableChannel() {
        Route route = load("example-hl7v2-laboratory.xml").route(NRL, "OrderFiller", RGH, LAB, "ORU_R01").orElseThrow();

        assertThat(route.sendBinding().id()).isEqualTo("NRL_S_ORU_R01");
        assertThat(route.sendChannel().channelId()).isEqualTo("NRL_ReliableChannel");
        assertThat(route.sendChannel().docExchange().docExchangeId()).isEqualTo("NRL_DocExchange_Reliable");
        assertThat(route.sendChannel().transport().transportId()).isEqualTo("NRL_Transport");
        assertThat(route.receiveBinding().id()).isEqualTo("RGH_R_ORU_R01");
        assertThat(route.receiveChannel().channelId()).isEqualTo("RGH_ReliableChannel");
        assertThat(route.receiveChannel().transport().transportId()).isEqualTo("RGH_Transport");
        assertThat(route.endpoint().uri()).isEqualTo(URI.create("https://ebms.riverside-hospital.example.org/ebms/inbound"));
        assertThat(route.endpoint().type()).isEqualTo(EndpointType.ALL_PURPOSE);
        assertThat(route.fromRole()).isEqualTo("OrderFiller");
        assertThat(route.toRole()).isEqualTo("OrderPlacer");
        assertThat(route.packageId()).isEqualTo("HL7v2PayloadPackage");
        assertThat(route.characteristicsAgree()).isTrue();
        assertThat(route.signed()).isTrue();
    }

    @Test
    void theReliableChannelAsksForSignedSynchronousAcksAndDuplicateElimination() {
        Route route = load("example-hl7v2-laboratory.xml").route(NRL, null, RGH, LAB, "ORU_R01").orElseThrow();
        assertThat(route.characteristics()).isEqualTo(new MessagingCharacteristics(SyncReplyMode.MSH_SIGNALS_ONLY,
                Requirement.ALWAYS, Requirement.ALWAYS, Requirement.ALWAYS, Actor.TO_PARTY_MSH));
        ReliabilityTerms expected = new ReliabilityTerms(true, 3, Duration.ofSeconds(30), false, Duration.ofDays(1));
        assertThat(route.senderTerms().reliability()).isEqualTo(expected);
        assertThat(route.receiverTerms().reliability()).isEqualTo(expected);
    }

    @Test
    void theSenderSignsWithItsOwnCertificateAndTheReceiverChecksAgainstItsAnchors() {
        Agreement agreement = load("example-hl7v2-laboratory.xml");
        Route route = agreement.route(NRL, null, RGH, LAB, "ORU_R01").orElseThrow();
        SecurityTerms signing = route.senderTerms().security();
        assertThat(signing.nonRepudiationProtocol()).isEqualTo("http://www.w3.org/2000/09/xmldsig#");
        assertThat(signing.hashFunction()).isEqualTo("http://www.w3.org/2001/04/xmlenc#sha256");
        assertThat(signing.signatureAlgorithm()).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(signing.signingCertificateId()).isEqualTo("NRL_Cert");
        assertThat(signing.digitalEnvelope()).isFalse();
        assertThat(route.receiverTerms().security().signingTrustAnchors()).containsExactly("RGH_TrustedCACert");
        assertThat(agreement.certificates(route.receiverTerms().security().signingTrustAnchors()))
                .extracting(Certificate::certId).containsExactly("RGH_TrustedCACert");
    }

    @Test
    void certificatesAreKeptAsDerThatParsesAsX509() throws Exception {
        Certificate nrl = load("example-hl7v2-laboratory.xml").certificate("NRL_Cert").orElseThrow();
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(nrl.der()));
        assertThat(x509.getSerialNumber().intValue()).isEqualTo(1002);
        assertThat(x509.getSubjectX500Principal().getName()).contains("CN=ebms.northfield-lab.example.org");
    }

    @Test
    void transportsCarryTheTlsSettingsOfBothSides() {
        DeliveryChannel channel = load("example-hl7v2-laboratory.xml")
                .route(RGH, null, NRL, LAB, "OML_O21").orElseThrow().sendChannel();
        assertThat(channel.transport().clientSecurity().protocol()).isEqualTo("TLS 1.2");
        assertThat(channel.transport().clientSecurity().certificateId()).isEqualTo("RGH_Cert");
        assertThat(channel.transport().clientSecurity().trustAnchors()).containsExactly("RGH_TrustedCACert");
        assertThat(channel.transport().serverSecurity().certificateId()).isEqualTo("RGH_Cert");
        assertThat(channel.transport().serverSecurity().trustAnchors()).containsExactly("RGH_TrustedCACert");
    }

    @Test
    void anOmlO21FromTheHospitalGoesToTheLaboratory() {
        Route route = load("example-hl7v2-laboratory.xml").route(RGH, "OrderPlacer", NRL, "OrderFiller", LAB, "OML_O21")
                .orElseThrow();
        assertThat(route.sendBinding().id()).isEqualTo("RGH_S_OML_O21");
        assertThat(route.receiveBinding().id()).isEqualTo("NRL_R_OML_O21");
        assertThat(route.endpoint().uri()).isEqualTo(URI.create("https://ebms.northfield-lab.example.org/ebms/inbound"));
    }

    @Test
    void nothingResolvesAgainstTheAgreedDirectionRolesOrServiceType() {
        Agreement agreement = load("example-hl7v2-laboratory.xml");
        assertThat(agreement.route(RGH, null, NRL, LAB, "ORU_R01")).as("the hospital does not send results").isEmpty();
        assertThat(agreement.route(NRL, "OrderPlacer", RGH, LAB, "ORU_R01")).as("wrong from role").isEmpty();
        assertThat(agreement.route(NRL, null, RGH, "OrderFiller", LAB, "ORU_R01")).as("wrong to role").isEmpty();
        assertThat(agreement.route(NRL, null, RGH, Service.of(null, LAB.value()), "ORU_R01")).as("untyped").isEmpty();
        assertThat(agreement.route(PartyId.untyped("NRL-0042"), null, RGH, LAB, "ORU_R01")).as("untyped id").isEmpty();
    }

    @Test
    void mshSignalsUseEachPartysDefaultSignalChannel() {
        Agreement agreement = load("example-hl7v2-laboratory.xml");
        MshRoute ack = agreement.mshRoute(RGH, NRL, "Acknowledgment").orElseThrow();
        assertThat(ack.sendChannel().channelId()).isEqualTo("RGH_MshSignalChannel");
        assertThat(ack.receiveChannel().channelId()).isEqualTo("NRL_MshSignalChannel");
        assertThat(ack.endpoint().uri()).isEqualTo(URI.create("https://ebms.northfield-lab.example.org/ebms/inbound"));
        assertThat(ack.packageId()).isEqualTo("MshSignalPackage");
        assertThat(ack.sendChannel().characteristics().syncReplyMode()).isEqualTo(SyncReplyMode.NONE);
        assertThat(ack.sendChannel().senderTerms().reliability().reliableMessaging()).isFalse();
        assertThat(ack.sendChannel().senderTerms().security().signs()).isTrue();
        assertThat(agreement.mshChannel(NRL, "Pong")).map(DeliveryChannel::channelId).hasValue("NRL_MshSignalChannel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpa-hl7-rm-async.xml", "cpa-hl7-rm-sync.xml", "cpa-hl7-rm-sync-signed.xml"})
    void theHarnessCpasResolveHl7MessageBothWays(String file) {
        Agreement agreement = load(file);
        Route toGateway = agreement.route(PEER, "PEER", GATEWAY, HL7, "HL7Message").orElseThrow();
        assertThat(toGateway.receiveBinding().id()).isEqualTo("GATEWAY_R_HL7Message");
        assertThat(toGateway.endpoint().uri()).isEqualTo(URI.create("http://127.0.0.1:8302/ebms"));
        assertThat(toGateway.toRole()).isEqualTo("GATEWAY");
        Route toPeer = agreement.route(GATEWAY, "GATEWAY", PEER, HL7, "HL7Message").orElseThrow();
        assertThat(toPeer.sendChannel().channelId()).isEqualTo("GATEWAY_ReliableChannel");
        assertThat(toPeer.endpoint().uri()).isEqualTo(URI.create("http://127.0.0.1:8301/ebms"));
        assertThat(toPeer.senderTerms().reliability())
                .isEqualTo(new ReliabilityTerms(true, 3, Duration.ofSeconds(5), false, Duration.ofHours(1)));
        assertThat(toPeer.characteristics().ackRequested()).isEqualTo(Requirement.ALWAYS);
        assertThat(toPeer.characteristics().ackSignatureRequested()).isEqualTo(Requirement.NEVER);
        assertThat(agreement.mshRoute(GATEWAY, PEER, "Acknowledgment").orElseThrow().receiveChannel().channelId())
                .isEqualTo("PEER_DefaultMshChannel");
    }

    @Test
    void theAsyncHarnessCpaSendsAcksBackAsynchronously() {
        Route route = load("cpa-hl7-rm-async.xml").route(PEER, null, GATEWAY, HL7, "HL7Message").orElseThrow();
        assertThat(route.characteristics().syncReplyMode()).isEqualTo(SyncReplyMode.NONE);
        assertThat(route.signed()).isFalse();
    }

    @Test
    void theSignedHarnessCpaSignsWithThePeersCertificateSynchronously() {
        Agreement agreement = load("cpa-hl7-rm-sync-signed.xml");
        Route route = agreement.route(PEER, null, GATEWAY, HL7, "HL7Message").orElseThrow();
        assertThat(route.characteristics().syncReplyMode()).isEqualTo(SyncReplyMode.MSH_SIGNALS_ONLY);
        assertThat(route.signed()).isTrue();
        assertThat(route.senderTerms().security().signingCertificateId()).isEqualTo("PEER_SigningCert");
        assertThat(route.receiverTerms().security().signatureAlgorithms())
                .isEqualTo(List.of("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"));
        assertThat(agreement.certificate("PEER_SigningCert").orElseThrow().hasX509()).isTrue();
    }
}
