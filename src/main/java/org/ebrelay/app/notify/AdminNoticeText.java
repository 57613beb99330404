package org.ebrelay.app.notify;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ebrelay.app.port.out.NoticeKind;

/** An administrator notice in words, for e-mail: a subject line and a plain-text body. */
public final class AdminNoticeText {
    private AdminNoticeText() {
    }

    public static String subject(AdminNotice n, String node) {
        String what = switch (n.type()) {
            case OUTAGE_STARTED -> "messages to " + n.partner() + " are failing";
            case NEW_PROBLEM -> phrase(n.counts()) + " for " + n.partner();
            case DIGEST -> n.total() + " more failure event(s) for " + n.partner();
            case OUTAGE_ENDED -> n.partner() + " is reachable again";
            case CERTIFICATE_EXPIRING -> n.examples().size() + " TLS certificate(s) of the node expire soon";
            case ORDER_GAP -> "ordered messages from " + n.partner() + " wait for a missing one";
        };
        return "[ebrelay " + node + "] " + what;
    }

    public static String body(AdminNotice n, String node) {
        StringBuilder text = new StringBuilder();
        text.append(intro(n)).append("\n\n");
        text.append("Node:     ").append(node).append('\n');
        text.append("Partner:  ").append(n.partner() == null ? "-" : n.partner()).append('\n');
        text.append("Notice:   ").append(n.type()).append(" at ").append(n.at()).append('\n');
        if (n.outageSince() != null) {
            text.append("Outage since ").append(n.outageSince()).append('\n');
        }
        if (!n.counts().isEmpty()) {
            text.append("\nSince ").append(n.since()).append(":\n").append(lines(n.counts()));
        }
        if (!n.outageTotals().isEmpty()) {
            text.append("\nWhole outage:\n").append(lines(n.outageTotals()));
        }
        if (!n.examples().isEmpty()) {
            text.append("\nExamples:\n");
            for (AdminNotice.Example e : n.examples()) {
                if (e.kind() == null) {
                    text.append("  ").append(e.detail()).append('\n');
                    continue;
                }
                text.append("  ").append(e.at()).append("  ").append(e.kind()).append("  MessageId ")
                        .append(e.messageId()).append("  HL7 ").append(e.hl7Id() == null ? "-" : e.hl7Id())
                        .append("\n    ").append(e.detail() == null ? "" : e.detail()).append('\n');
            }
        }
        text.append(footer(n.type()));
        return text.toString();
    }

    private static String footer(AdminNotice.Type type) {
        if (type == AdminNotice.Type.CERTIFICATE_EXPIRING) {
            return "\nRenew the key store file in place: the node takes it into use without a restart.\n";
        }
        if (type == AdminNotice.Type.ORDER_GAP) {
            return "\nHeld conversations: ebrelay ordering list\n";
        }
        return "\nMessages waiting for an operator: ebrelay messages --state MANUAL\n";
    }

    private static String intro(AdminNotice n) {
        return switch (n.type()) {
            case OUTAGE_STARTED -> "Messages to this partner could not be delivered. Further failures are collected"
                    + " into a digest; you will hear when a message gets through again.";
            case NEW_PROBLEM -> "A new kind of failure for this partner. Further ones are collected into a digest.";
            case DIGEST -> "What happened since the previous notice about this partner.";
            case OUTAGE_ENDED -> "A message to this partner was delivered again: the outage is over.";
            case CERTIFICATE_EXPIRING -> "These certificates of the node's TLS key store expire soon; partners will"
                    + " refuse connections with an expired one.";
            case ORDER_GAP -> "An ordered conversation from this partner is missing a message: later ones are held"
                    + " and not delivered until it arrives, or until an operator skips the gap"
                    + " (ebrelay ordering skip-gap).";
        };
    }

    private static String phrase(Map<NoticeKind, Integer> counts) {
        return new TreeMap<>(counts).keySet().stream().map(k -> k.name().toLowerCase().replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    private static String lines(Map<NoticeKind, Integer> counts) {
        return new TreeMap<>(counts).entrySet().stream()
                .map(e -> String.format("  %-24s %d%n", e.getKey(), e.getValue())).collect(Collectors.joining());
    }
}
