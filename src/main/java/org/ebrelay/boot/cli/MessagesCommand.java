package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ebrelay messages --state STATE}: the messages in one state, newest first. */
@Command(name = "messages", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Lists the messages in a state (QUEUED, SENDING, AWAITING_ACK, RETRYING, SLOW_RETRY, MANUAL,",
                "COMPLETE, FAILED, EXPIRED, ABANDONED; RECEIVED, DELIVERED, REJECTED), newest first.",
                "Exit codes: 0 done, 1 refused, 2 node unreachable, 64 wrong command line."})
public final class MessagesCommand extends ClientCommand {
    @Option(names = "--state", required = true, paramLabel = "STATE", description = "The state.")
    String state;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "At most this many, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    int run(NodeClient node) {
        NodeClient.Reply reply = node.get("/messages?state=" + NodeClient.encode(state) + "&limit=" + limit);
        if (!reply.ok()) {
            return fail(reply);
        }
        JsonNode messages = reply.body().path("messages");
        if (json()) {
            printJson(messages);
            return OK;
        }
        if (messages.isEmpty()) {
            out().println("No messages in state " + state + ".");
        }
        messages.forEach(m -> MessagePrinter.summary(out(), m));
        out().flush();
        return OK;
    }
}
