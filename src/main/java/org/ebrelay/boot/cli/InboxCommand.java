package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ebrelay.domain.message.PartyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ebrelay inbox}: lists received messages waiting for the application, or confirms one. */
@Command(name = "inbox", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Lists the deliveries the application has not confirmed yet (all with --all),",
                "or confirms one with --confirm DELIVERY_ID.",
                "Exit codes: 0 done, 1 unknown delivery or refused, 2 node unreachable, 64 wrong command line."})
public final class InboxCommand extends ConfirmableListCommand {
    @Option(names = "--party", paramLabel = "TYPE:VALUE", converter = PartyIdConverter.class,
            description = "Only deliveries to this party (default: every party the node acts for).")
    PartyId party;

    @Option(names = "--all", description = "Include confirmed deliveries.")
    boolean all;

    @Option(names = "--confirm", paramLabel = "DELIVERY_ID", description = "Confirms this delivery instead of listing.")
    String confirm;

    InboxCommand() {
        super("inbox", "deliveries");
    }

    @Override
    int run(NodeClient node) {
        return listOrConfirm(node, party, all, confirm);
    }

    @Override
    void printItem(JsonNode d) {
        out().printf("%s  %s  %s -> %s  %s  HL7 %s  %d payload(s)%s%n", text(d, "deliveryId", "?"),
                text(d, "receivedAt", "?"), text(d, "from", "?"), text(d, "to", "?"), text(d, "action", "?"),
                text(d, "hl7MessageId", "-"), d.path("payloads").size(),
                d.path("confirmed").asBoolean() ? "  confirmed" : "");
    }
}
