package org.ebrelay.domain.cpa;

import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A small agreement built by hand: a clinic (role Placer) sends action "Order" to a lab (role Filler), which
 * has a separate error endpoint and sends acknowledgments on an override channel.
 */
final class SmallAgreement {
    static final Service SERVICE = Service.of("urn:t:svc-type", "urn:t:orders");
    static final PartyId CLINIC = PartyId.of("urn:t:ids", "CLINIC");
    static final PartyId LAB = PartyId.of("urn:t:ids", "LAB");
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2027-01-01T00:00:00Z");

    private SmallAgreement() {
    }

    static Agreement agreement(AgreementStatus status) {
        return agreement(status, "LAB_R_Order");
    }

    static Agreement agreement(AgreementStatus status, String otherPartyBinding) {
        return new Agreement(CpaId.of("urn:t:cpa:1"), "1", status, START, END, List.of(clinic(otherPartyBinding), lab()));
    }

    static PartyInfo clinic(String otherPartyBinding) {
        ActionBinding send = new ActionBinding("CLINIC_S_Order", ActionBinding.Direction.SEND, "Placer", SERVICE,
                "Order", "Pkg", List.of("CLINIC_Reliable"), otherPartyBinding, true, false);
        Transport transport = new Transport("CLINIC_T",
                List.of(new Endpoint(URI.create("https://clinic.example.org/ebms"), EndpointType.ALL_PURPOSE)),
                null, null);
        return new PartyInfo("Clinic", List.of(CLINIC), List.of(send),
                List.of(channel("CLINIC_Reliable", reliable(), transport), channel("CLINIC_Msh", signals(), transport)),
                "CLINIC_Msh", "MshPkg", Map.of(), List.of(), List.of());
    }

    static PartyInfo lab() {
        ActionBinding receive = new ActionBinding("LAB_R_Order", ActionBinding.Direction.RECEIVE, "Filler", SERVICE,
                "Order", "Pkg", List.of("LAB_Reliable"), null, true, false);
        Transport transport = new Transport("LAB_T", List.of(
                new Endpoint(URI.create("https://lab.example.org/login"), EndpointType.LOGIN),
                new Endpoint(URI.create("https://lab.example.org/ebms"), EndpointType.ALL_PURPOSE),
                new Endpoint(URI.create("https://lab.example.org/errors"), EndpointType.ERROR)), null, null);
        return new PartyInfo("Lab", List.of(LAB, PartyId.untyped("urn:t:lab-alias")), List.of(receive),
                List.of(channel("LAB_Reliable", reliable(), transport), channel("LAB_Msh", signals(), transport),
                        channel("LAB_AckChannel", signals(), transport)),
                "LAB_Msh", "MshPkg", Map.of("Acknowledgment", "LAB_AckChannel"), List.of(), List.of());
    }

    static MessagingCharacteristics reliable() {
        return new MessagingCharacteristics(SyncReplyMode.MSH_SIGNALS_ONLY, Requirement.ALWAYS, Requirement.NEVER,
                Requirement.ALWAYS, Actor.TO_PARTY_MSH);
    }

    static MessagingCharacteristics signals() {
        return new MessagingCharacteristics(SyncReplyMode.NONE, Requirement.NEVER, Requirement.NEVER,
                Requirement.NEVER, null);
    }

    static DeliveryChannel channel(String id, MessagingCharacteristics characteristics, Transport transport) {
        ReliabilityTerms terms = new ReliabilityTerms(true, 3, Duration.ofSeconds(30), false, Duration.ofDays(1));
        ExchangeTerms exchange = new ExchangeTerms(terms, SecurityTerms.NONE);
        return new DeliveryChannel(id, characteristics, transport, new DocExchange(id + "_DX", exchange, exchange));
    }
}
