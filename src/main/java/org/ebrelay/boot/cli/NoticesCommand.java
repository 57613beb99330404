package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ebrelay.app.PartyIds;
import org.ebrelay.domain.message.PartyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ebrelay notices}: lists the notices about failed outbound messages, or confirms one. */
@Command(name = "notices", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Lists the notices about outbound messages the application has not confirmed yet",
                "(retries exhausted, waiting for manual handling, MessageId regenerated, failed; all with --all),",
                "or confirms one with --confirm NOTICE_ID.",
                "Exit codes: 0 done, 1 unknown notice or refused, 2 node unreachable, 64 wrong command line."})
public final class NoticesCommand extends ClientCommand {
    @Option(names = "--party", paramLabel = "TYPE:VALUE", converter = PartyIdConverter.class,
            description = "Only notices about messages sent from this party (default: every party of the node).")
    PartyId party;

    @Option(names = "--all", description = "Include confirmed notices.")
    boolean all;

    @Option(names = "--confirm", paramLabel = "NOTICE_ID", description = "Confirms this notice instead of listing.")
    String confirm;

    @Override
    int run(NodeClient node) {
        return confirm != null ? confirm(node) : list(node);
    }

    private int list(NodeClient node) {
        StringBuilder query = new StringBuilder("/notices?all=").append(all);
        if (party != null) {
            query.append("&party=").append(NodeClient.encode(PartyIds.format(party)));
        }
        NodeClient.Reply reply = node.get(query.toString());
        if (!reply.ok()) {
            return fail(reply);
        }
        JsonNode notices = reply.body().path("notices");
        if (json()) {
            printJson(notices);
            return OK;
        }
        if (notices.isEmpty()) {
            out().println(all ? "No notices." : "No unconfirmed notices.");
        }
        for (JsonNode n : notices) {
            out().printf("%s  %s  %-22s %s -> %s  MessageId %s  HL7 %s%s%n    %s%n", text(n, "noticeId", "?"),
                    text(n, "createdAt", "?"), text(n, "kind", "?"), text(n, "from", "?"), text(n, "to", "?"),
                    text(n, "messageId", "?"), text(n, "hl7MessageId", "-"),
                    n.path("confirmed").asBoolean() ? "  confirmed" : "", text(n, "detail", ""));
        }
        out().flush();
        return OK;
    }

    private int confirm(NodeClient node) {
        NodeClient.Reply reply = node.post("/notices/" + NodeClient.encode(confirm) + "/confirm");
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
