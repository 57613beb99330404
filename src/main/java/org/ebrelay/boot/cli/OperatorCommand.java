package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code resend} and {@code abandon} share: the message id, the mandatory reason, the operator (default: the
 * user running the command), the request and the answer. Exit codes: 0 done, 1 refused (unknown message, a state that
 * does not allow it, no reason), 2 node unreachable.
 */
abstract class OperatorCommand extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "An ebXML MessageId the message has had, or its HL7 id.")
    String id;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded as an event).")
    String reason;

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Who (recorded with the reason; default: the user running the command).")
    String operator;

    /** {@code resend} or {@code abandon}: the last segment of the request path. */
    abstract String action();

    /** The line printed when done, e.g. "Resent". */
    abstract String doneVerb();

    @Override
    int run(NodeClient node) {
        String who = operator != null ? operator : System.getProperty("user.name");
        NodeClient.Reply reply = node.postJson("/messages/" + NodeClient.encode(id) + "/" + action(),
                JSON.createObjectNode().put("reason", reason).put("operator", who));
        if (!reply.ok()) {
            return fail(reply);
        }
        JsonNode done = reply.body();
        if (json()) {
            printJson(done);
        } else {
            out().println(doneVerb() + " " + text(done, "messageId", id) + " (HL7 id "
                    + text(done, "hl7MessageId", "none") + "): " + text(done, "previousState", "?") + " -> "
                    + text(done, "state", "?"));
            out().flush();
        }
        return OK;
    }
}
