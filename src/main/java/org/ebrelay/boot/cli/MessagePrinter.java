package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;

import static org.ebrelay.boot.cli.ClientCommand.text;

/** The text form of a message's status, for {@code status} and {@code messages} without --json. */
final class MessagePrinter {
    private MessagePrinter() {
    }

    /** Every field, and the events one per line. */
    static void detailed(PrintWriter out, JsonNode m) {
        out.println("messageId     " + text(m, "messageId", "-"));
        out.println("messageIds    " + String.join(", ", ids(m)));
        out.println("hl7MessageId  " + text(m, "hl7MessageId", "-"));
        out.println("direction     " + text(m, "direction", "-"));
        out.println("state         " + text(m, "state", "-"));
        out.println("attempts      " + text(m, "attempts", "0"));
        out.println("cpaId         " + text(m, "cpaId", "-") + "  version " + text(m, "cpaVersion", "-"));
        out.println("from -> to    " + text(m, "from", "-") + " -> " + text(m, "to", "-"));
        out.println("service       " + text(m, "service", "-") + "  action " + text(m, "action", "-"));
        out.println("createdAt     " + text(m, "createdAt", "-"));
        out.println("events");
        for (JsonNode e : m.path("events")) {
            String detail = text(e, "detail", null);
            out.println("  " + text(e, "time", "?") + "  " + text(e, "type", "?") + (detail == null ? "" : "  " + detail));
        }
    }

    /** One line. */
    static void summary(PrintWriter out, JsonNode m) {
        out.printf("%s  %-12s  %s  HL7 %s  attempts %s  %s -> %s  %s%n", text(m, "createdAt", "?"),
                text(m, "state", "?"), text(m, "messageId", "?"), text(m, "hl7MessageId", "-"),
                text(m, "attempts", "0"), text(m, "from", "?"), text(m, "to", "?"), text(m, "action", "?"));
    }

    private static Iterable<String> ids(JsonNode m) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        m.path("messageIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
