package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ebrelay.app.PartyIds;
import org.ebrelay.domain.message.PartyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ebrelay messages --state STATE [--cpa CPAID] [--party TYPE:VALUE]}: the messages in one state. */
@Command(name = "messages", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Lists the messages in a state (QUEUED, SENDING, AWAITING_ACK, RETRYING, SLOW_RETRY, MANUAL,",
                "COMPLETE, FAILED, EXPIRED, ABANDONED; RECEIVED, DELIVERED, REJECTED, DUPLICATE), oldest first,",
                "optionally only under one CPA and only from or to one party.",
                "Exit codes: 0 done, 1 refused, 2 node unreachable, 64 wrong command line."})
public final class MessagesCommand extends ClientCommand {
    @Option(names = "--state", required = true, paramLabel = "STATE", description = "The state.")
    String state;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "At most this many, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cpa", paramLabel = "CPAID", description = "Only messages under this CPA.")
    String cpaId;

    @Option(names = "--party", paramLabel = "TYPE:VALUE", converter = PartyIdConverter.class,
            description = "Only messages from or to this party. Split at the last colon; untyped: :VALUE.")
    PartyId party;

    @Override
    int run(NodeClient node) {
        String query = "/messages?state=" + NodeClient.encode(state) + "&limit=" + limit
                + (cpaId == null ? "" : "&cpa=" + NodeClient.encode(cpaId))
                + (party == null ? "" : "&party=" + NodeClient.encode(PartyIds.format(party)));
        NodeClient.Reply reply = node.get(query);
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
