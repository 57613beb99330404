package org.ebrelay.boot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.ebrelay.adapter.rest.ApiJson;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every client command shares: the node options, the exit codes, and printing. Exit codes: {@value #OK}
 * done, {@value #FAILED} refused or not found or failed, {@value #UNREACHABLE} the node cannot be reached,
 * {@value #USAGE} a wrong command line (set on each command: picocli's default 2 would read as "unreachable").
 */
abstract class ClientCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int UNREACHABLE = 2;
    static final int USAGE = 64;

    static final ObjectMapper JSON = ApiJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    ClientOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public final Integer call() {
        NodeClient client = options.client(JSON);
        try {
            return run(client);
        } catch (NodeClient.Unreachable e) {
            return fail(UNREACHABLE, "Unreachable", e.getMessage());
        }
    }

    /** The command's work against the node; returns the exit code. */
    abstract int run(NodeClient node);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    boolean json() {
        return options.json;
    }

    void printJson(JsonNode node) {
        try {
            out().println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out().flush();
    }

    /** Reports an error ({@code {error, detail}} on stdout with --json, a line on stderr without) and returns code. */
    int fail(int code, String error, String detail) {
        if (json()) {
            printJson(JsonNodeFactory.instance.objectNode().put("error", error).put("detail", detail));
        } else {
            PrintWriter err = spec.commandLine().getErr();
            err.println("ebrelay " + spec.name() + ": " + error + ": " + detail);
            err.flush();
        }
        return code;
    }

    /** Reports the error body of a reply that is not a success. */
    int fail(NodeClient.Reply reply) {
        return fail(FAILED, text(reply.body(), "error", "HttpError" + reply.status()),
                text(reply.body(), "detail", "HTTP " + reply.status()));
    }

    /** A field's text, or the fallback when it is absent or null. */
    static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
