package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.ActionBinding;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.AgreementStatus;
import org.ebrelay.domain.cpa.Certificate;
import org.ebrelay.domain.cpa.DeliveryChannel;
import org.ebrelay.domain.cpa.MessagingCharacteristics;
import org.ebrelay.domain.cpa.PartyInfo;
import org.ebrelay.domain.cpa.Requirement;
import org.ebrelay.domain.cpa.SecurityDetails;
import org.ebrelay.domain.cpa.SyncReplyMode;
import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the domain {@link Agreement} from a CPA that passed every check, so lookups here cannot fail;
 * the domain constructors still guard the invariants the resolution relies on.
 */
final class AgreementMapper {
    private final CpaDocument document;
    private final TermsMapper terms;

    private AgreementMapper(CpaDocument document) {
        this.document = document;
        this.terms = new TermsMapper(document);
    }

    static Agreement map(CpaDocument document) {
        return new AgreementMapper(document).agreement();
    }

    private Agreement agreement() {
        XmlNode root = document.root();
        return new Agreement(CpaId.of(root.attr("cpaid")), root.attr("version"),
                AgreementStatus.fromWire(root.child("Status").orElseThrow().attr("value")).orElseThrow(),
                instant(root.childText("Start")), instant(root.childText("End")),
                document.parties().stream().map(this::party).toList());
    }

    private static Instant instant(String text) {
        return CpaValues.instant(text).orElseThrow();
    }

    private PartyInfo party(XmlNode party) {
        List<PartyId> ids = party.children("PartyId").stream()
                .map(id -> PartyId.of(id.attr("type"), id.text())).toList();
        Map<String, String> overrides = new LinkedHashMap<>();
        party.children("OverrideMshActionBinding").forEach(o -> overrides.put(o.attr("action"), o.attr("channelId")));
        return new PartyInfo(CpaDocument.partyName(party), ids,
                BindingNode.of(party).stream().map(AgreementMapper::binding).toList(),
                party.children("DeliveryChannel").stream().map(this::channel).toList(),
                party.attr("defaultMshChannelId"), party.attr("defaultMshPackageId"), overrides,
                party.children("Certificate").stream().map(AgreementMapper::certificate).toList(),
                party.children("SecurityDetails").stream().map(AgreementMapper::securityDetails).toList());
    }

    private static ActionBinding binding(BindingNode binding) {
        XmlNode characteristics = binding.node().child("BusinessTransactionCharacteristics").orElseThrow();
        return new ActionBinding(binding.id(), binding.direction(), binding.role(),
                Service.of(binding.serviceType(), binding.serviceValue()), binding.action(),
                binding.node().attr("packageId"), binding.channelIds(),
                binding.otherPartyRef() == null ? null : binding.otherPartyRef().text(),
                CpaValues.bool(characteristics.attr("isNonRepudiationRequired")),
                CpaValues.bool(characteristics.attr("isNonRepudiationReceiptRequired")));
    }

    private DeliveryChannel channel(XmlNode channel) {
        XmlNode transport = document.byId(channel.attr("transportId")).orElseThrow();
        XmlNode docExchange = document.byId(channel.attr("docExchangeId")).orElseThrow();
        return new DeliveryChannel(channel.attr("channelId"), characteristics(channel),
                terms.transport(transport), terms.docExchange(docExchange));
    }

    private static MessagingCharacteristics characteristics(XmlNode channel) {
        XmlNode m = channel.child("MessagingCharacteristics").orElseThrow();
        MessagingCharacteristics defaults = MessagingCharacteristics.DEFAULTS;
        return new MessagingCharacteristics(
                SyncReplyMode.fromWire(m.attr("syncReplyMode")).orElse(defaults.syncReplyMode()),
                Requirement.fromWire(m.attr("ackRequested")).orElse(defaults.ackRequested()),
                Requirement.fromWire(m.attr("ackSignatureRequested")).orElse(defaults.ackSignatureRequested()),
                Requirement.fromWire(m.attr("duplicateElimination")).orElse(defaults.duplicateElimination()),
                Actor.fromUri(m.attr("actor")).orElse(null));
    }

    private static Certificate certificate(XmlNode certificate) {
        byte[] der = certificate.descendantsNamed(XmlNode.DSIG_NS, "X509Certificate").stream().findFirst()
                .flatMap(x -> CpaValues.base64(x.text())).orElse(null);
        String keyName = certificate.descendantsNamed(XmlNode.DSIG_NS, "KeyName").stream().findFirst()
                .map(XmlNode::text).orElse(null);
        return new Certificate(certificate.attr("certId"), der, keyName);
    }

    private static SecurityDetails securityDetails(XmlNode details) {
        return new SecurityDetails(details.attr("securityId"), TermsMapper.anchorIds(details));
    }
}
