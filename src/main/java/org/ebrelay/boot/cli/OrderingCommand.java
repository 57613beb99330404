package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ebrelay ordering}: the ordered conversations holding received messages and why; with {@code --skip-gap}, an
 * operator's way past a missing message that will never come (docs/reliability.md, "Ordered delivery").
 */
@Command(name = "ordering", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Lists the ordered conversations (eb:MessageOrder) whose received messages are held, and why;",
                "or, with --skip-gap --cpa CPA_ID --conversation ID --reason TEXT, stops waiting for the missing",
                "(or undeliverable) message so that the held ones go on in order. The skip is recorded as an event.",
                "Exit codes: 0 done, 1 nothing held there or refused, 2 node unreachable, 64 wrong command line."})
public final class OrderingCommand extends ClientCommand {
    @Option(names = "--skip-gap", description = "Skip the gap of one conversation instead of listing.")
    boolean skipGap;

    @Option(names = "--cpa", paramLabel = "CPA_ID", description = "The conversation's CPA (with --skip-gap).")
    String cpaId;

    @Option(names = "--conversation", paramLabel = "ID", description = "The ConversationId (with --skip-gap).")
    String conversationId;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (with --skip-gap; recorded).")
    String reason;

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Who (recorded with the reason; default: the user running the command).")
    String operator;

    @Override
    int run(NodeClient node) {
        return skipGap ? skip(node) : list(node);
    }

    private int list(NodeClient node) {
        NodeClient.Reply reply = node.get("/ordering");
        if (!reply.ok()) {
            return fail(reply);
        }
        if (json()) {
            printJson(reply.body());
            return OK;
        }
        JsonNode conversations = reply.body().path("conversations");
        if (conversations.isEmpty()) {
            out().println("No ordered conversation holds messages.");
        }
        for (JsonNode c : conversations) {
            out().printf("%s  %s  from %s  waiting for %s  %s held%n    %s%n", text(c, "cpaId", "?"),
                    text(c, "conversationId", "?"), text(c, "from", "?"), text(c, "waitingFor", "?"),
                    text(c, "held", "0"), text(c, "why", ""));
        }
        out().flush();
        return OK;
    }

    private int skip(NodeClient node) {
        if (cpaId == null || conversationId == null || reason == null) {
            return fail(USAGE, "MissingOption", "--skip-gap needs --cpa, --conversation and --reason");
        }
        String who = operator != null ? operator : System.getProperty("user.name");
        NodeClient.Reply reply = node.postJson("/ordering/skip-gap", JSON.createObjectNode().put("cpaId", cpaId)
                .put("conversationId", conversationId).put("operator", who).put("reason", reason));
        if (!reply.ok()) {
            return fail(reply);
        }
        JsonNode done = reply.body();
        if (json()) {
            printJson(done);
        } else {
            out().println("Skipped sequence " + text(done, "skippedFrom", "?") + ".." + text(done, "skippedTo", "?")
                    + " of " + conversationId + "; released " + done.path("released"));
            out().flush();
        }
        return OK;
    }
}
