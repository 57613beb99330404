package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ebrelay.app.PartyIds;
import org.ebrelay.domain.message.PartyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ebrelay status-request}: asks a partner's MSH what it knows of a message. */
@Command(name = "status-request", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Has the node send an ebXML StatusRequest about a message to a partner and prints the",
                "StatusResponse (Received, Processed, NotRecognized, UnAuthorized, Forwarded).",
                "Exit codes: 0 a status came back, 1 none or refused, 2 node unreachable, 64 wrong command line."})
public final class StatusRequestCommand extends ClientCommand {
    @Option(names = "--cpa", required = true, paramLabel = "CPAID", description = "The CPA.")
    String cpaId;

    @Option(names = "--from", paramLabel = "TYPE:VALUE", converter = PartyIdConverter.class,
            description = "The asking party (default: the node's only party in the CPA).")
    PartyId from;

    @Option(names = "--to", required = true, paramLabel = "TYPE:VALUE", converter = PartyIdConverter.class,
            description = "The partner.")
    PartyId to;

    @Parameters(paramLabel = "MESSAGE_ID", description = "The ebXML MessageId asked about.")
    String messageId;

    @Override
    int run(NodeClient node) {
        ObjectNode request = JSON.createObjectNode().put("cpaId", cpaId).put("to", PartyIds.format(to))
                .put("messageId", messageId);
        if (from != null) {
            request.put("from", PartyIds.format(from));
        }
        NodeClient.Reply reply = node.postJson("/status-request", request);
        if (!reply.ok()) {
            return fail(reply);
        }
        JsonNode result = reply.body();
        String status = text(result, "status", null);
        if (json()) {
            printJson(result);
        } else if (status != null) {
            String timestamp = text(result, "timestamp", null);
            out().println(messageId + ": " + status + (timestamp == null ? "" : " at " + timestamp));
        } else {
            out().println(messageId + ": no status: " + text(result, "error", "no answer"));
        }
        out().flush();
        return status != null ? OK : FAILED;
    }
}
