package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.ActionBinding.Direction;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Send and receive bindings pair up across the two parties (CPA-6): each OtherPartyActionBinding names a
 * binding of the other party with the same service and action and the opposite direction, and every CanSend
 * has a CanReceive on the other side. Untyped services must be URIs (HDR-2).
 */
final class BindingChecks implements CpaCheck {
    @Override
    public void check(CpaDocument document, Findings findings) {
        if (document.parties().size() != 2) {
            return;
        }
        for (XmlNode party : document.parties()) {
            XmlNode other = document.otherParty(party).orElseThrow();
            List<BindingNode> otherBindings = BindingNode.of(other);
            for (XmlNode service : party.descendants("Service")) {
                checkService(service, findings);
            }
            for (BindingNode binding : BindingNode.of(party)) {
                if (binding.otherPartyRef() != null) {
                    checkOtherPartyBinding(document, binding, other, otherBindings, findings);
                } else {
                    checkCounterpartExists(binding, other, otherBindings, findings);
                }
            }
        }
    }

    private static void checkService(XmlNode service, Findings findings) {
        String type = service.attr("type");
        if ((type == null || type.isBlank()) && !AgreementChecks.isAbsoluteUri(service.text())) {
            findings.error(service, "service \"" + service.text() + "\" has no tns:type, so ebMS requires it to be"
                    + " a URI (HDR-2); add a tns:type or use a URI such as urn:example:" + service.text());
        }
    }

    /** Reports what is wrong with an OtherPartyActionBinding, if anything. */
    private static void checkOtherPartyBinding(CpaDocument document, BindingNode binding, XmlNode other,
                                                  List<BindingNode> otherBindings, Findings findings) {
        XmlNode ref = binding.otherPartyRef();
        String referrer = "the OtherPartyActionBinding of " + CpaDocument.describe(binding.node());
        if (!ReferenceChecks.expect(document, ref, ref.text(), "ThisPartyActionBinding", other, referrer, findings)) {
            return;
        }
        BindingNode target = otherBindings.stream().filter(b -> b.node() == document.byId(ref.text()).orElseThrow())
                .findFirst().orElseThrow();
        String pair = CpaDocument.describe(target.node()) + " named by " + referrer;
        if (!binding.sameServiceAndAction(target)) {
            boolean sameService = target.serviceLabel().equals(binding.serviceLabel());
            findings.error(ref, pair + " is for action \"" + target.action() + "\""
                    + (sameService ? "" : " of " + target.serviceLabel()) + ", not \"" + binding.action() + "\""
                    + (sameService ? "" : " of " + binding.serviceLabel())
                    + "; both sides must bind the same service and action");
        } else if (target.direction() == binding.direction()) {
            findings.error(ref, pair + " is also a " + target.directionLabel() + "; the other party's binding must be"
                    + " a " + (binding.direction() == Direction.SEND ? "CanReceive" : "CanSend"));
        } else if (binding.direction() == Direction.SEND) {
            warnIfChannelsDisagree(document, binding, target, findings);
        }
    }

    /** The receiver's MessagingCharacteristics win when the two channels differ (§3.1 step 6): say so now. */
    private static void warnIfChannelsDisagree(CpaDocument document, BindingNode send, BindingNode receive,
                                               Findings findings) {
        Optional<XmlNode> sendChannel = firstChannel(document, send);
        Optional<XmlNode> receiveChannel = firstChannel(document, receive);
        if (sendChannel.isEmpty() || receiveChannel.isEmpty()) {
            return;
        }
        for (String name : List.of("syncReplyMode", "ackRequested", "ackSignatureRequested", "duplicateElimination",
                "actor")) {
            String sent = ChannelNode.characteristic(sendChannel.get(), name);
            String expected = ChannelNode.characteristic(receiveChannel.get(), name);
            if (!Objects.equals(sent, expected)) {
                findings.warning(send.node(), "for action \"" + send.action() + "\" "
                        + CpaDocument.describe(sendChannel.get()) + " has " + show(name, sent) + " but the receiver's "
                        + CpaDocument.describe(receiveChannel.get()) + " has " + show(name, expected)
                        + "; the receiver's value is used");
            }
        }
    }

    private static String show(String name, String value) {
        return value == null ? "no " + name : name + "=\"" + value + "\"";
    }

    private static Optional<XmlNode> firstChannel(CpaDocument document, BindingNode binding) {
        return binding.channelIds().stream().findFirst().flatMap(document::byId).filter(c -> c.is("DeliveryChannel"));
    }


    /** Without an OtherPartyActionBinding the counterpart is found by service and action (§3.1 step 4). */
    private static void checkCounterpartExists(BindingNode binding, XmlNode other, List<BindingNode> otherBindings,
                                               Findings findings) {
        Optional<BindingNode> counterpart = otherBindings.stream()
                .filter(b -> b.direction() == binding.direction().opposite() && b.sameServiceAndAction(binding))
                .findFirst();
        if (counterpart.isPresent()) {
            return;
        }
        String party = CpaDocument.partyName(binding.party());
        String otherName = CpaDocument.partyName(other);
        if (binding.direction() == Direction.SEND) {
            findings.error(binding.node(), "party " + party + " may send action \"" + binding.action() + "\" of "
                    + binding.serviceLabel() + " (" + CpaDocument.describe(binding.node()) + "), but party "
                    + otherName + " has no CanReceive binding for it");
        } else {
            findings.warning(binding.node(), "party " + party + " can receive action \"" + binding.action()
                    + "\" of " + binding.serviceLabel() + ", but party " + otherName + " never sends it");
        }
    }
}
