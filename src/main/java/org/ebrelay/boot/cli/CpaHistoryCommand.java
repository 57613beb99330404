package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ebrelay cpa history CPAID}: the versions a node has activated and what changed between them. */
@Command(name = "history", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Lists the versions of a CPA a node has activated (time, checksum, file) and what changed",
                "from each to the next, in CPA terms. With --from and --to: only what changed between those two.",
                "Exit codes: 0 shown, 1 unknown CPA or version, 2 node unreachable, 64 wrong command line."})
public final class CpaHistoryCommand extends ClientCommand {
    @Parameters(paramLabel = "CPAID", description = "The CPA's cpaid.")
    String cpaId;

    @Option(names = "--from", paramLabel = "N", description = "Compare from this version.")
    Integer from;

    @Option(names = "--to", paramLabel = "M", description = "Compare to this version (default: the latest).")
    Integer to;

    @Override
    int run(NodeClient node) {
        String base = "/cpas/" + NodeClient.encode(cpaId);
        if (from != null || to != null) {
            NodeClient.Reply reply = node.get(base + "/changes?" + (from == null ? "" : "from=" + from + "&")
                    + (to == null ? "" : "to=" + to));
            if (!reply.ok()) {
                return fail(reply);
            }
            if (json()) {
                printJson(reply.body());
            } else {
                printChanges(reply.body());
            }
            return OK;
        }
        NodeClient.Reply reply = node.get(base + "/versions");
        if (!reply.ok()) {
            return fail(reply);
        }
        ObjectNode all = JSON.createObjectNode().put("cpaId", cpaId);
        var versions = all.putArray("versions");
        for (JsonNode version : reply.body().path("versions")) {
            ObjectNode v = version.deepCopy();
            int number = version.path("number").asInt();
            if (number > 1) {
                NodeClient.Reply changes = node.get(base + "/changes?from=" + (number - 1) + "&to=" + number);
                v.set("changes", changes.ok() ? changes.body().path("changes") : JSON.createArrayNode());
            }
            versions.add(v);
        }
        if (json()) {
            printJson(all);
            return OK;
        }
        for (JsonNode v : versions) {
            out().println("version " + v.path("number").asInt() + "  activated " + v.path("activatedAt").asText()
                    + "  " + v.path("file").asText() + "  sha256 " + v.path("checksum").asText().substring(0, 12));
            v.path("changes").forEach(c -> out().println("    " + c.asText()));
        }
        out().flush();
        return OK;
    }

    private void printChanges(JsonNode body) {
        out().println("CPA " + body.path("cpaId").asText() + ", version " + body.path("from").asInt() + " -> "
                + body.path("to").asInt() + ":");
        if (body.path("changes").isEmpty()) {
            out().println("  no change in CPA terms");
        }
        body.path("changes").forEach(c -> out().println("  " + c.asText()));
        out().flush();
    }
}
