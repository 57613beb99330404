package org.ebrelay.adapter.cpa;

import java.time.Duration;
import java.util.Optional;

/**
 * Reliable messaging terms agree with the channels that use them: acknowledgments need retries, duplicate
 * elimination needs a PersistDuration, ordered delivery needs reliable asynchronous messaging (SYN-3, ORD-1),
 * and the values themselves make sense (RM-S3, RM-R7).
 */
final class ReliabilityChecks implements CpaCheck {
    private static final String SENDER = "ebXMLSenderBinding";
    private static final String RECEIVER = "ebXMLReceiverBinding";

    @Override
    public void check(CpaDocument document, Findings findings) {
        for (XmlNode party : document.parties()) {
            for (ChannelNode channel : ChannelNode.of(document, party)) {
                if (channel.docExchange() != null) {
                    checkChannel(channel, findings);
                }
            }
            for (XmlNode exchange : party.children("DocExchange")) {
                exchange.child(SENDER).ifPresent(b -> checkValues(exchange, b, findings));
                exchange.child(RECEIVER).ifPresent(b -> checkValues(exchange, b, findings));
            }
        }
    }

    private static void checkChannel(ChannelNode channel, Findings findings) {
        if ("never".equals(channel.characteristic("ackRequested")) && channel.always("ackSignatureRequested")) {
            findings.warning(channel.characteristicsNode(), channel.label() + " has ackSignatureRequested=\"always\""
                    + " but ackRequested=\"never\": without acknowledgments there is nothing to sign");
        }
        if (channel.usedForSending() && channel.always("ackRequested")) {
            checkRetriesPresent(channel, findings);
        }
        if (channel.always("duplicateElimination")) {
            if (channel.usedForSending()) {
                checkPersistDurationPresent(channel, SENDER, findings);
            }
            if (channel.usedForReceiving()) {
                checkPersistDurationPresent(channel, RECEIVER, findings);
            }
        }
        for (String side : new String[] {SENDER, RECEIVER}) {
            channel.exchangeBinding(side).flatMap(b -> b.child("ReliableMessaging"))
                    .flatMap(rm -> rm.child("MessageOrderSemantics"))
                    .filter(order -> "Guaranteed".equals(order.text()))
                    .ifPresent(order -> checkOrderedDelivery(channel, order, findings));
        }
    }

    private static void checkRetriesPresent(ChannelNode channel, Findings findings) {
        Optional<XmlNode> binding = channel.exchangeBinding(SENDER);
        Optional<XmlNode> reliable = binding.flatMap(b -> b.child("ReliableMessaging"));
        if (reliable.isPresent() && reliable.get().child("Retries").isPresent()
                && reliable.get().child("RetryInterval").isPresent()) {
            return;
        }
        XmlNode at = reliable.or(() -> binding).orElse(channel.docExchange());
        findings.error(at, channel.label() + " asks for acknowledgments (ackRequested=\"always\"), so "
                + SENDER + " of " + CpaDocument.describe(channel.docExchange())
                + " needs ReliableMessaging with Retries and RetryInterval (how often and how long to re-send)");
    }

    private static void checkPersistDurationPresent(ChannelNode channel, String side, Findings findings) {
        Optional<XmlNode> binding = channel.exchangeBinding(side);
        if (binding.flatMap(b -> b.child("PersistDuration")).isPresent()) {
            return;
        }
        findings.error(binding.orElse(channel.docExchange()), channel.label()
                + " eliminates duplicates (duplicateElimination=\"always\"), so " + side + " of "
                + CpaDocument.describe(channel.docExchange())
                + " needs a PersistDuration (how long received message ids are remembered)");
    }

    private static void checkOrderedDelivery(ChannelNode channel, XmlNode order, Findings findings) {
        String syncReplyMode = channel.characteristic("syncReplyMode");
        if (!"none".equals(syncReplyMode)) {
            findings.error(order, "ordered delivery (MessageOrderSemantics Guaranteed) cannot be combined with"
                    + " synchronous replies, but " + channel.label() + " has syncReplyMode=\"" + syncReplyMode
                    + "\" (SYN-3); use syncReplyMode=\"none\" or NotGuaranteed");
        }
        if (!channel.always("ackRequested") || !channel.always("duplicateElimination")) {
            findings.error(order, "ordered delivery (MessageOrderSemantics Guaranteed) needs reliable messaging,"
                    + " but " + channel.label() + " does not have both ackRequested=\"always\" and"
                    + " duplicateElimination=\"always\" (ORD-1)");
        }
    }

    /** Retries, RetryInterval and PersistDuration of one sender or receiver binding. */
    private static void checkValues(XmlNode exchange, XmlNode binding, Findings findings) {
        String where = " in " + binding.localName() + " of " + CpaDocument.describe(exchange);
        Optional<XmlNode> reliable = binding.child("ReliableMessaging");
        Optional<XmlNode> retriesNode = reliable.flatMap(r -> r.child("Retries"));
        Optional<XmlNode> intervalNode = reliable.flatMap(r -> r.child("RetryInterval"));
        Optional<XmlNode> persistNode = binding.child("PersistDuration");
        Optional<Integer> retries = retriesNode.flatMap(n -> positiveOrZero(n, where, findings));
        Optional<Duration> interval = intervalNode.flatMap(n -> positiveDuration(n, where, findings));
        Optional<Duration> persist = persistNode.flatMap(n -> positiveDuration(n, where, findings));
        if (retries.isPresent() && interval.isPresent() && persist.isPresent()) {
            Duration window = interval.get().multipliedBy(1L + retries.get());
            if (persist.get().compareTo(window) < 0) {
                findings.warning(persistNode.get(), "PersistDuration " + HumanDuration.format(persist.get())
                        + where + " is shorter than the retry window of " + HumanDuration.format(window)
                        + " ((1 + " + retries.get() + " retries) x " + HumanDuration.format(interval.get())
                        + "): re-sending stops when PersistDuration ends, so not every retry is made (RM-R7)");
            }
        }
    }

    private static Optional<Integer> positiveOrZero(XmlNode node, String where, Findings findings) {
        Optional<Integer> value = CpaValues.integer(node.text());
        if (value.isEmpty()) {
            findings.error(node, "Retries " + node.text() + where + " is too large");
        } else if (value.get() < 0) {
            findings.error(node, "Retries" + where + " must be 0 or more, not " + value.get());
            return Optional.empty();
        }
        return value;
    }

    private static Optional<Duration> positiveDuration(XmlNode node, String where, Findings findings) {
        Optional<Duration> value = CpaValues.duration(node.text());
        if (value.isEmpty()) {
            findings.error(node, node.localName() + " \"" + node.text() + "\"" + where
                    + " is not a duration such as PT30S or P1D");
        } else if (value.get().isNegative() || value.get().isZero()) {
            findings.error(node, node.localName() + where + " must be longer than zero, not " + node.text());
            return Optional.empty();
        }
        return value;
    }
}
