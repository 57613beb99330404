package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ebrelay.domain.message.PartyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ebrelay notices}: lists the notices about failed outbound messages, or confirms one. */
@Command(name = "notices", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Lists the notices about outbound messages the application has not confirmed yet",
                "(retries exhausted, waiting for manual handling, MessageId regenerated, failed; all with --all),",
                "or confirms one with --confirm NOTICE_ID.",
                "Exit codes: 0 done, 1 unknown notice or refused, 2 node unreachable, 64 wrong command line."})
public final class NoticesCommand extends ConfirmableListCommand {
    @Option(names = "--party", paramLabel = "TYPE:VALUE", converter = PartyIdConverter.class,
            description = "Only notices about messages sent from this party (default: every party of the node).")
    PartyId party;

    @Option(names = "--all", description = "Include confirmed notices.")
    boolean all;

    @Option(names = "--confirm", paramLabel = "NOTICE_ID", description = "Confirms this notice instead of listing.")
    String confirm;

    NoticesCommand() {
        super("notices", "notices");
    }

    @Override
    int run(NodeClient node) {
        return listOrConfirm(node, party, all, confirm);
    }

    @Override
    void printItem(JsonNode n) {
        out().printf("%s  %s  %-22s %s -> %s  MessageId %s  HL7 %s%s%n    %s%n", text(n, "noticeId", "?"),
                text(n, "createdAt", "?"), text(n, "kind", "?"), text(n, "from", "?"), text(n, "to", "?"),
                text(n, "messageId", "?"), text(n, "hl7MessageId", "-"),
                n.path("confirmed").asBoolean() ? "  confirmed" : "", text(n, "detail", ""));
    }
}
