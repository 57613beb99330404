package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ebrelay.app.PartyIds;
import org.ebrelay.domain.message.PartyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ebrelay ping}: has the node Ping a partner's MSH and waits for the Pong. */
@Command(name = "ping", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Has the node send an ebXML Ping to a partner under a CPA and wait for the Pong.",
                "Exit codes: 0 Pong received, 1 no Pong or refused, 2 node unreachable, 64 wrong command line."})
public final class PingCommand extends ClientCommand {
    @Option(names = "--cpa", required = true, paramLabel = "CPAID", description = "The CPA.")
    String cpaId;

    @Option(names = "--from", paramLabel = "TYPE:VALUE", converter = PartyIdConverter.class,
            description = "The pinging party (default: the node's only party in the CPA).")
    PartyId from;

    @Option(names = "--to", required = true, paramLabel = "TYPE:VALUE", converter = PartyIdConverter.class,
            description = "The partner.")
    PartyId to;

    @Override
    int run(NodeClient node) {
        ObjectNode request = JSON.createObjectNode().put("cpaId", cpaId).put("to", PartyIds.format(to));
        if (from != null) {
            request.put("from", PartyIds.format(from));
        }
        NodeClient.Reply reply = node.postJson("/ping", request);
        if (!reply.ok()) {
            return fail(reply);
        }
        JsonNode result = reply.body();
        boolean pong = result.path("ok").asBoolean();
        if (json()) {
            printJson(result);
        } else if (pong) {
            out().println("Pong from " + PartyIds.format(to) + " in " + text(result, "roundTripMillis", "?")
                    + " ms (Ping " + text(result, "pingMessageId", "?") + ", Pong "
                    + text(result, "pongMessageId", "?") + ")");
        } else {
            out().println("No Pong from " + PartyIds.format(to) + ": " + text(result, "error", "no answer"));
        }
        out().flush();
        return pong ? OK : FAILED;
    }
}
