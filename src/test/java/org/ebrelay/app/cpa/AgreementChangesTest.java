package org.ebrelay.app.cpa;

import org.ebrelay.adapter.cpa.CpaFileLoader;
import org.ebrelay.adapter.cpa.CpaLoadResult;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.AgreementChanges;
import org.ebrelay.domain.cpa.EndpointOverrides;
import org.ebrelay.domain.message.CpaId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What changed between two versions, in CPA terms; endpoint overrides; expiry warnings. */
class AgreementChangesTest {
    private static Agreement agreement(CpaFixture cpa) {
        CpaLoadResult result = new CpaFileLoader().load(Path.of("x.xml"), cpa.xml().getBytes(StandardCharsets.UTF_8));
        assertThat(result.problems()).isEmpty();
        return result.agreement();
    }

    private static List<String> changes(CpaFixture before, CpaFixture after) {
        return AgreementChanges.between(agreement(before), agreement(after)).stream()
                .map(AgreementChanges.Change::describe).toList();
    }

    @Test
    void theSameDocumentHasNoChanges() {
        assertThat(changes(CpaFixture.demo(), CpaFixture.demo())).isEmpty();
    }

    @Test
    void timingTermsAreNamedWithTheirChannelAndParty() {
        CpaFixture before = CpaFixture.demo();
        CpaFixture after = before.replace("<tns:Retries>4</tns:Retries>", "<tns:Retries>6</tns:Retries>")
                .replace("<tns:PersistDuration>PT1H</tns:PersistDuration>",
                        "<tns:PersistDuration>P1D</tns:PersistDuration>");

        assertThat(changes(before, after)).contains(
                "Retries 4 -> 6 on channel RGH_ReliableChannel of party RiversideGeneralHospital",
                "PersistDuration PT1H -> PT24H on channel NRL_ReliableChannel of party NorthfieldRegionalLaboratory",
                "receiver's Retries 4 -> 6 on channel RGH_ReliableChannel of party RiversideGeneralHospital");
    }

    @Test
    void endpointsValidityAndActionsAreNamedInCpaTerms() {
        CpaFixture before = CpaFixture.demo();
        CpaFixture after = before.replace(CpaFixture.LAB_ENDPOINT, "https://lab.example/ebms")
                .end("2032-01-01T00:00:00Z")
                .replace("tns:action=\"ORU_R01\"", "tns:action=\"ORU_R30\"");

        assertThat(changes(before, after)).contains(
                "Endpoint (allPurpose) " + CpaFixture.LAB_ENDPOINT + " -> https://lab.example/ebms on channel "
                        + "NRL_ReliableChannel of party NorthfieldRegionalLaboratory",
                "End 2031-11-19T00:00:00Z -> 2032-01-01T00:00:00Z of the CPA",
                "CanSend action ORU_R01 of service urn:example:services:hl7v2:laboratory in role OrderFiller removed "
                        + "of party NorthfieldRegionalLaboratory",
                "CanSend action ORU_R30 of service urn:example:services:hl7v2:laboratory in role OrderFiller added "
                        + "of party NorthfieldRegionalLaboratory");
    }

    @Test
    void anOverrideForAnotherCpaLeavesTheAgreementAloneAndOneForThisCpaWinsOverAGeneralOne() {
        Agreement demo = agreement(CpaFixture.demo());
        URI lab = URI.create(CpaFixture.LAB_ENDPOINT);
        EndpointOverrides overrides = new EndpointOverrides(List.of(
                new EndpointOverrides.Mapping(null, lab, URI.create("http://general.example/ebms")),
                new EndpointOverrides.Mapping(demo.cpaId(), lab, URI.create("http://specific.example/ebms")),
                new EndpointOverrides.Mapping(CpaId.of("other"), URI.create("http://127.0.0.1:8081/ebms"),
                        URI.create("http://elsewhere.example/ebms"))));

        Agreement used = overrides.apply(demo);

        assertThat(AgreementChanges.between(demo, used)).extracting(AgreementChanges.Change::after)
                .containsOnly("http://specific.example/ebms");
        assertThat(new EndpointOverrides(List.of(overrides.all().get(2))).apply(demo)).isSameAs(demo);
    }

    @Test
    void aCertificateNearItsExpiryIsWarnedAboutOncePerVersion() {
        Agreement signed = new CpaFileLoader().load(Path.of("cpa", "cpa-hl7-rm-sync-signed.xml")).agreement();
        List<CpaAlerts.CpaAlert> alerts = new ArrayList<>();
        ExpiryWatch watch = new ExpiryWatch(Duration.ofDays(30), alerts::add);
        Instant now = Instant.parse("2036-12-15T00:00:00Z");

        List<String> standing = watch.check(signed, "v1", now);
        watch.check(signed, "v1", now.plus(Duration.ofDays(1)));

        assertThat(standing).contains("certificate PEER_SigningCert of party " + signed.parties().get(0).partyName()
                + " in CPA " + signed.cpaId() + " expires at 2036-12-31T00:00:00Z");
        assertThat(alerts).extracting(CpaAlerts.CpaAlert::kind).containsOnly("CERTIFICATE_EXPIRING").hasSize(2);
        assertThat(watch.check(signed, "v1", Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC)
                .instant())).isEmpty();
    }
}
