package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code ebrelay cpa reload}: has a running node look at its CPA folder now. */
@Command(name = "reload", exitCodeOnInvalidInput = ClientCommand.USAGE,
        description = {"Has a running node look at its CPA folder now: a valid new or changed CPA is activated, a",
                "broken edit is rejected with FILE:LINE:COLUMN messages (the previous version stays active), a",
                "removed file withdraws its CPA. The node also does this by itself (cpa.watchInterval).",
                "Exit codes: 0 reloaded, 1 a file was rejected, 2 node unreachable, 64 wrong command line."})
public final class CpaReloadCommand extends ClientCommand {
    @Override
    int run(NodeClient node) {
        NodeClient.Reply reply = node.post("/cpas/reload");
        if (!reply.ok()) {
            return fail(reply);
        }
        JsonNode report = reply.body();
        if (json()) {
            printJson(report);
        } else {
            print(out(), report);
        }
        return report.path("rejected").isEmpty() ? OK : FAILED;
    }

    static void print(PrintWriter out, JsonNode report) {
        for (JsonNode a : report.path("activated")) {
            out.println("activated " + a.path("cpaId").asText() + " version " + a.path("version").asInt() + " from "
                    + a.path("file").asText());
            a.path("changes").forEach(c -> out.println("  " + c.asText()));
            if (a.path("retermed").asInt() > 0) {
                out.println("  " + a.path("retermed").asInt() + " pending message(s) take the new terms from their"
                        + " next attempt");
            }
            if (a.path("movedToManual").asInt() > 0) {
                out.println("  " + a.path("movedToManual").asInt() + " pending message(s) moved to manual handling:"
                        + " their action is no longer agreed");
            }
        }
        for (JsonNode r : report.path("rejected")) {
            out.println("rejected " + r.path("file").asText() + " (the previous version, if any, stays active):");
            r.path("problems").forEach(p -> out.println("  " + p.asText()));
        }
        for (JsonNode r : report.path("removed")) {
            out.println("withdrawn " + r.path("cpaId").asText() + ": " + r.path("movedToManual").asInt()
                    + " pending message(s) moved to manual handling");
        }
        out.println(report.path("unchanged").asInt() + " file(s) unchanged");
        out.flush();
    }
}
