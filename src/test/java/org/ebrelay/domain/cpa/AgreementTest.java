package org.ebrelay.domain.cpa;

import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ebrelay.domain.cpa.SmallAgreement.CLINIC;
import static org.ebrelay.domain.cpa.SmallAgreement.END;
import static org.ebrelay.domain.cpa.SmallAgreement.LAB;
import static org.ebrelay.domain.cpa.SmallAgreement.SERVICE;
import static org.ebrelay.domain.cpa.SmallAgreement.START;

class AgreementTest {
    private final Agreement agreement = SmallAgreement.agreement(AgreementStatus.AGREED);

    @Test
    void anAgreedAgreementIsUsableFromStartUntilJustBeforeEnd() {
        assertThat(agreement.validityAt(START.minusSeconds(1))).isEqualTo(Validity.NOT_YET_VALID);
        assertThat(agreement.validityAt(START)).isEqualTo(Validity.USABLE);
        assertThat(agreement.validityAt(END.minusMillis(1))).isEqualTo(Validity.USABLE);
        assertThat(agreement.validityAt(END)).isEqualTo(Validity.EXPIRED);
        assertThat(agreement.isUsableAt(START)).isTrue();
        assertThat(agreement.isUsableAt(END)).isFalse();
    }

    @Test
    void aProposedAgreementIsNeverUsable() {
        Agreement proposed = SmallAgreement.agreement(AgreementStatus.PROPOSED);
        assertThat(proposed.validityAt(START.plusSeconds(60))).isEqualTo(Validity.PROPOSED);
        assertThat(proposed.isUsableAt(START.plusSeconds(60))).isFalse();
    }

    @Test
    void aSignedAgreementGovernsTrafficLikeAnAgreedOne() {
        assertThat(SmallAgreement.agreement(AgreementStatus.SIGNED).isUsableAt(START)).isTrue();
    }

    @Test
    void aPartyIsFoundByTypeAndValueTogether() {
        assertThat(agreement.party(CLINIC)).map(PartyInfo::partyName).hasValue("Clinic");
        assertThat(agreement.party(PartyId.untyped("CLINIC"))).isEmpty();
        assertThat(agreement.party(PartyId.of("urn:t:other-ids", "CLINIC"))).isEmpty();
    }

    @Test
    void anyOfAPartysIdsIdentifiesIt() {
        assertThat(agreement.party(PartyId.untyped("urn:t:lab-alias"))).map(PartyInfo::partyName).hasValue("Lab");
        Party to = new Party(List.of(PartyId.untyped("urn:t:unknown"), LAB), "Filler");
        assertThat(agreement.party(to)).map(PartyInfo::partyName).hasValue("Lab");
    }

    @Test
    void aRouteFollowsOtherPartyActionBindingToTheReceiverAndItsEndpoint() {
        Route route = agreement.route(CLINIC, "Placer", LAB, SERVICE, "Order").orElseThrow();

        assertThat(route.fromParty().partyName()).isEqualTo("Clinic");
        assertThat(route.sendBinding().id()).isEqualTo("CLINIC_S_Order");
        assertThat(route.sendChannel().channelId()).isEqualTo("CLINIC_Reliable");
        assertThat(route.toParty().partyName()).isEqualTo("Lab");
        assertThat(route.receiveBinding().id()).isEqualTo("LAB_R_Order");
        assertThat(route.receiveChannel().channelId()).isEqualTo("LAB_Reliable");
        assertThat(route.endpoint().uri()).isEqualTo(URI.create("https://lab.example.org/ebms"));
        assertThat(route.packageId()).isEqualTo("Pkg");
        assertThat(route.fromRole()).isEqualTo("Placer");
        assertThat(route.toRole()).isEqualTo("Filler");
        assertThat(route.characteristicsAgree()).isTrue();
        assertThat(route.signed()).as("no SenderNonRepudiation to sign with").isFalse();
    }

    @Test
    void withoutOtherPartyActionBindingTheReceiverIsFoundByServiceAndAction() {
        Agreement unlinked = SmallAgreement.agreement(AgreementStatus.AGREED, null);
        assertThat(unlinked.route(CLINIC, null, LAB, SERVICE, "Order"))
                .map(r -> r.receiveBinding().id()).hasValue("LAB_R_Order");
    }

    @Test
    void noRouteForAnotherRoleServiceTypeActionOrDirection() {
        assertThat(agreement.route(CLINIC, "Filler", LAB, SERVICE, "Order")).isEmpty();
        assertThat(agreement.route(CLINIC, "Placer", LAB, "Placer", SERVICE, "Order")).isEmpty();
        assertThat(agreement.route(CLINIC, null, LAB, Service.of(null, SERVICE.value()), "Order")).isEmpty();
        assertThat(agreement.route(CLINIC, null, LAB, SERVICE, "Cancel")).isEmpty();
        assertThat(agreement.route(LAB, null, CLINIC, SERVICE, "Order")).isEmpty();
        assertThat(agreement.route(CLINIC, null, CLINIC, SERVICE, "Order")).isEmpty();
        assertThat(agreement.route(PartyId.untyped("urn:t:stranger"), null, LAB, SERVICE, "Order")).isEmpty();
    }

    @Test
    void theToRoleIsCheckedWhenGiven() {
        assertThat(agreement.route(CLINIC, "Placer", LAB, "Filler", SERVICE, "Order")).isPresent();
    }

    @Test
    void mshMessagesUseTheDefaultChannelUnlessAnOverrideNamesAnother() {
        assertThat(agreement.mshChannel(LAB, "Pong")).map(DeliveryChannel::channelId).hasValue("LAB_Msh");
        assertThat(agreement.mshChannel(LAB, "Acknowledgment")).map(DeliveryChannel::channelId)
                .hasValue("LAB_AckChannel");
        assertThat(agreement.mshChannel(PartyId.untyped("urn:t:stranger"), "Ping")).isEmpty();
    }

    @Test
    void anMshRouteGoesToTheReceiversErrorEndpointForMessageErrors() {
        MshRoute error = agreement.mshRoute(CLINIC, LAB, "MessageError").orElseThrow();
        assertThat(error.sendChannel().channelId()).isEqualTo("CLINIC_Msh");
        assertThat(error.receiveChannel().channelId()).isEqualTo("LAB_Msh");
        assertThat(error.endpoint().uri()).isEqualTo(URI.create("https://lab.example.org/errors"));
        assertThat(error.packageId()).isEqualTo("MshPkg");

        MshRoute ack = agreement.mshRoute(CLINIC, LAB, "Acknowledgment").orElseThrow();
        assertThat(ack.receiveChannel().channelId()).isEqualTo("LAB_AckChannel");
        assertThat(ack.asyncEndpoint()).map(Endpoint::uri).hasValue(URI.create("https://lab.example.org/ebms"));
    }

    @Test
    void endpointsAreChosenByTypeWithAllPurposeAsFallbackAndNeverLogin() {
        Transport transport = new Transport("T", List.of(
                new Endpoint(URI.create("https://x.example.org/login"), EndpointType.LOGIN)), null, null);
        assertThat(transport.endpointFor(EndpointType.REQUEST)).isEmpty();
        assertThat(SmallAgreement.lab().channels().get(0).transport().endpointFor(EndpointType.RESPONSE))
                .map(Endpoint::uri).hasValue(URI.create("https://lab.example.org/ebms"));
    }

    @Test
    void anAgreementNeedsTwoPartiesWithDifferentIds() {
        PartyInfo clinic = SmallAgreement.clinic("LAB_R_Order");
        assertThatThrownBy(() -> new Agreement(CpaId.of("c"), "1", AgreementStatus.AGREED, START, END,
                List.of(clinic))).hasMessageContaining("exactly two parties");
        PartyInfo twin = new PartyInfo("Twin", List.of(CLINIC), List.of(), clinic.channels(), "CLINIC_Msh", "MshPkg",
                Map.of(), List.of(), List.of());
        assertThatThrownBy(() -> new Agreement(CpaId.of("c"), "1", AgreementStatus.AGREED, START, END,
                List.of(SmallAgreement.clinic(null), twin))).hasMessageContaining("must not share a PartyId");
    }

    @Test
    void anAgreementRejectsAnOtherPartyBindingThatDoesNotLinkUp() {
        assertThatThrownBy(() -> SmallAgreement.agreement(AgreementStatus.AGREED, "LAB_Nothing"))
                .hasMessageContaining("OtherPartyActionBinding of CLINIC_S_Order");
    }

    @Test
    void aPartyRejectsBindingsOnChannelsItDoesNotHave() {
        ActionBinding stray = new ActionBinding("X", ActionBinding.Direction.SEND, "R", SERVICE, "A", "P",
                List.of("Nowhere"), null, false, false);
        PartyInfo clinic = SmallAgreement.clinic(null);
        assertThatThrownBy(() -> new PartyInfo("Clinic", List.of(CLINIC), List.of(stray), clinic.channels(),
                "CLINIC_Msh", "MshPkg", Map.of(), List.of(), List.of()))
                .hasMessageContaining("action binding X");
    }

    @Test
    void theRetryWindowIsOnePlusRetriesTimesTheInterval() {
        ReliabilityTerms terms = new ReliabilityTerms(true, 3, Duration.ofSeconds(30), false, Duration.ofDays(1));
        assertThat(terms.retryWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> new ReliabilityTerms(true, -1, Duration.ZERO, false, null))
                .hasMessageContaining("Retries");
    }

    @Test
    void certificatesAreCopiedSoTheModelStaysImmutable() {
        byte[] der = {1, 2, 3};
        Certificate certificate = new Certificate("C", der, null);
        der[0] = 9;
        certificate.der()[1] = 9;
        assertThat(certificate.der()).containsExactly(1, 2, 3);
        assertThat(certificate).isEqualTo(new Certificate("C", new byte[] {1, 2, 3}, null));
    }
}
