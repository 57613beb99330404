package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ebrelay status ID}: where a message is, by any of its ebXML MessageIds or its HL7 id. */
@Command(name = "status", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Shows a message's state, attempts and events, by any ebXML MessageId it has had or by",
                "its HL7 id. With --json: one object, or an array when an HL7 id matches several messages.",
                "Exit codes: 0 found, 1 not found, 2 node unreachable, 64 wrong command line."})
public final class StatusCommand extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "An ebXML MessageId or an HL7 message id.")
    String id;

    @Override
    int run(NodeClient node) {
        // the search form carries any id, even one with '/' that a path segment could not
        NodeClient.Reply reply = node.get("/messages?id=" + NodeClient.encode(id));
        if (!reply.ok()) {
            return fail(reply);
        }
        JsonNode messages = reply.body().path("messages");
        if (messages.isEmpty()) {
            return fail(FAILED, "NotFound", "no message has the ebXML or HL7 id '" + id + "'");
        }
        if (json()) {
            printJson(messages.size() == 1 ? messages.get(0) : messages);
            return OK;
        }
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                out().println();
            }
            MessagePrinter.detailed(out(), messages.get(i));
        }
        out().flush();
        return OK;
    }
}
