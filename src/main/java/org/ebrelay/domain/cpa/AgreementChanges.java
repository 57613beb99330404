package org.ebrelay.domain.cpa;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of one agreement, term by term, in the CPA's own words
 * ("RetryInterval PT30S -> PT1M on channel X of party Y"), not as an XML diff. Parties are matched by PartyName,
 * channels by channelId, actions by direction, role, service and action, certificates by certId.
 */
public final class AgreementChanges {
    /** One changed term; before or after is null when the term was added or removed. */
    public record Change(String term, String where, String before, String after) {
        public Change {
            Objects.requireNonNull(term, "term");
            Objects.requireNonNull(where, "where");
        }

        /** {@code RetryInterval PT30S -> PT1M on channel X of party Y}, or "... added"/"... removed". */
        public String describe() {
            if (before == null) {
                return term + " " + after + " added " + where;
            }
            if (after == null) {
                return term + " " + before + " removed " + where;
            }
            return term + " " + before + " -> " + after + " " + where;
        }
    }

    private final List<Change> changes = new ArrayList<>();

    private AgreementChanges() {
    }

    /** Every changed term from {@code before} to {@code after}, in document order; empty when they agree. */
    public static List<Change> between(Agreement before, Agreement after) {
        AgreementChanges diff = new AgreementChanges();
        diff.compareAgreement(before, after);
        Map<String, PartyInfo> beforeParties = byKey(before.parties(), PartyInfo::partyName);
        Map<String, PartyInfo> afterParties = byKey(after.parties(), PartyInfo::partyName);
        for (PartyInfo party : before.parties()) {
            PartyInfo changed = afterParties.get(party.partyName());
            if (changed == null) {
                diff.add("Party", "", party.partyName(), null);
            } else {
                diff.compareParty(party, changed);
            }
        }
        for (PartyInfo party : after.parties()) {
            if (!beforeParties.containsKey(party.partyName())) {
                diff.add("Party", "", null, party.partyName());
            }
        }
        return List.copyOf(diff.changes);
    }

    private void compareAgreement(Agreement a, Agreement b) {
        compare("Status", "of the CPA", a.status().wireName(), b.status().wireName());
        compare("Start", "of the CPA", a.start(), b.start());
        compare("End", "of the CPA", a.end(), b.end());
        compare("version", "of the CPA", a.version(), b.version());
    }

    private void compareParty(PartyInfo a, PartyInfo b) {
        String where = "of party " + a.partyName();
        for (var id : a.partyIds()) {
            if (!b.partyIds().contains(id)) {
                add("PartyId", where, id.toString(), null);
            }
        }
        for (var id : b.partyIds()) {
            if (!a.partyIds().contains(id)) {
                add("PartyId", where, null, id.toString());
            }
        }
        compareBindings(a, b, where);
        compareChannels(a, b);
        compareCertificates(a, b, where);
        compare("default MSH channel", where, a.defaultMshChannelId(), b.defaultMshChannelId());
    }

    private void compareBindings(PartyInfo a, PartyInfo b, String where) {
        Map<String, ActionBinding> before = byKey(a.bindings(), AgreementChanges::bindingKey);
        Map<String, ActionBinding> after = byKey(b.bindings(), AgreementChanges::bindingKey);
        before.forEach((key, binding) -> {
            ActionBinding changed = after.get(key);
            if (changed == null) {
                add(verb(binding), where, key, null);
            } else {
                compare("ChannelId of " + verb(binding) + " " + key, where, binding.channelId(), changed.channelId());
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key))
                .forEach(key -> add(verb(after.get(key)), where, null, key));
    }

    private void compareChannels(PartyInfo a, PartyInfo b) {
        Map<String, DeliveryChannel> after = byKey(b.channels(), DeliveryChannel::channelId);
        for (DeliveryChannel channel : a.channels()) {
            String where = "on channel " + channel.channelId() + " of party " + a.partyName();
            DeliveryChannel changed = after.remove(channel.channelId());
            if (changed == null) {
                add("DeliveryChannel", "of party " + a.partyName(), channel.channelId(), null);
                continue;
            }
            compareReliability("", channel.senderTerms().reliability(), changed.senderTerms().reliability(), where);
            compareReliability("receiver's ", channel.receiverTerms().reliability(),
                    changed.receiverTerms().reliability(), where);
            compare("signing", where, signing(channel.senderTerms().security()),
                    signing(changed.senderTerms().security()));
            compareCharacteristics(channel.characteristics(), changed.characteristics(), where);
            compareEndpoints(channel.transport(), changed.transport(), where);
        }
        after.keySet().forEach(id -> add("DeliveryChannel", "of party " + a.partyName(), null, id));
    }

    private void compareReliability(String side, ReliabilityTerms a, ReliabilityTerms b, String where) {
        compare(side + "ReliableMessaging", where, a.reliableMessaging() ? "present" : "absent",
                b.reliableMessaging() ? "present" : "absent");
        compare(side + "Retries", where, a.retries(), b.retries());
        compare(side + "RetryInterval", where, a.retryInterval(), b.retryInterval());
        compare(side + "MessageOrderSemantics", where, a.orderGuaranteed() ? "Guaranteed" : "NotGuaranteed",
                b.orderGuaranteed() ? "Guaranteed" : "NotGuaranteed");
        compare(side + "PersistDuration", where, duration(a.persistDuration()), duration(b.persistDuration()));
    }

    private void compareCharacteristics(MessagingCharacteristics a, MessagingCharacteristics b, String where) {
        compare("syncReplyMode", where, a.syncReplyMode(), b.syncReplyMode());
        compare("ackRequested", where, a.ackRequested(), b.ackRequested());
        compare("ackSignatureRequested", where, a.ackSignatureRequested(), b.ackSignatureRequested());
        compare("duplicateElimination", where, a.duplicateElimination(), b.duplicateElimination());
        compare("actor", where, a.actor(), b.actor());
    }

    private void compareEndpoints(Transport a, Transport b, String where) {
        for (EndpointType type : EndpointType.values()) {
            URI before = a.endpoints().stream().filter(e -> e.type() == type).map(Endpoint::uri).findFirst()
                    .orElse(null);
            URI after = b.endpoints().stream().filter(e -> e.type() == type).map(Endpoint::uri).findFirst()
                    .orElse(null);
            compare("Endpoint (" + type.wireName() + ")", where, before, after);
        }
    }

    private void compareCertificates(PartyInfo a, PartyInfo b, String where) {
        Map<String, Certificate> after = byKey(b.certificates(), Certificate::certId);
        for (Certificate certificate : a.certificates()) {
            Certificate changed = after.remove(certificate.certId());
            if (changed == null) {
                add("Certificate", where, certificate.certId(), null);
            } else if (!changed.equals(certificate)) {
                add("Certificate " + certificate.certId(), where, "the previous certificate", "a new certificate");
            }
        }
        after.keySet().forEach(id -> add("Certificate", where, null, id));
    }

    private void compare(String term, String where, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            add(term, where, before == null ? "(none)" : text(before), after == null ? "(none)" : text(after));
        }
    }

    private void add(String term, String where, String before, String after) {
        changes.add(new Change(term, where, before, after));
    }

    private static String text(Object value) {
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    private static String duration(Duration d) {
        return d == null ? null : d.toString();
    }

    private static String signing(SecurityTerms security) {
        return security == null || !security.signs() ? "unsigned" : "signed with " + security.signatureAlgorithm();
    }

    private static String verb(ActionBinding binding) {
        return binding.direction() == ActionBinding.Direction.SEND ? "CanSend" : "CanReceive";
    }

    /** {@code action ORU_R01 of service urn:x in role Sender}. */
    private static String bindingKey(ActionBinding binding) {
        return "action " + binding.action() + " of service " + binding.service().value() + " in role "
                + binding.roleName();
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.putIfAbsent(key.apply(item), item));
        return map;
    }
}
