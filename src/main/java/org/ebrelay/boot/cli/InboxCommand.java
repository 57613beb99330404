package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ebrelay.app.PartyIds;
import org.ebrelay.domain.message.PartyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ebrelay inbox}: lists received messages waiting for the application, or confirms one. */
@Command(name = "inbox", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Lists the deliveries the application has not confirmed yet (all with --all),",
                "or confirms one with --confirm DELIVERY_ID.",
                "Exit codes: 0 done, 1 unknown delivery or refused, 2 node unreachable, 64 wrong command line."})
public final class InboxCommand extends ClientCommand {
    @Option(names = "--party", paramLabel = "TYPE:VALUE", converter = PartyIdConverter.class,
            description = "Only deliveries to this party (default: every party the node acts for).")
    PartyId party;

    @Option(names = "--all", description = "Include confirmed deliveries.")
    boolean all;

    @Option(names = "--confirm", paramLabel = "DELIVERY_ID", description = "Confirms this delivery instead of listing.")
    String confirm;

    @Override
    int run(NodeClient node) {
        return confirm != null ? confirm(node) : list(node);
    }

    private int list(NodeClient node) {
        StringBuilder query = new StringBuilder("/inbox?all=").append(all);
        if (party != null) {
            query.append("&party=").append(NodeClient.encode(PartyIds.format(party)));
        }
        NodeClient.Reply reply = node.get(query.toString());
        if (!reply.ok()) {
            return fail(reply);
        }
        JsonNode deliveries = reply.body().path("deliveries");
        if (json()) {
            printJson(deliveries);
            return OK;
        }
        if (deliveries.isEmpty()) {
            out().println(all ? "No deliveries." : "No unconfirmed deliveries.");
        }
        for (JsonNode d : deliveries) {
            out().printf("%s  %s  %s -> %s  %s  HL7 %s  %d payload(s)%s%n", text(d, "deliveryId", "?"),
                    text(d, "receivedAt", "?"), text(d, "from", "?"), text(d, "to", "?"), text(d, "action", "?"),
                    text(d, "hl7MessageId", "-"), d.path("payloads").size(),
                    d.path("confirmed").asBoolean() ? "  confirmed" : "");
        }
        out().flush();
        return OK;
    }

    private int confirm(NodeClient node) {
        NodeClient.Reply reply = node.post("/inbox/" + NodeClient.encode(confirm) + "/confirm");
        if (!reply.ok()) {
            return fail(reply);
        }
        if (json()) {
            printJson(reply.body());
        } else {
            boolean already = "ALREADY_CONFIRMED".equals(text(reply.body(), "result", ""));
            out().println(already ? confirm + " was already confirmed" : "Confirmed " + confirm);
            out().flush();
        }
        return OK;
    }
}
