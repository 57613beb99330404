package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs a client command in-process, as the main command would, and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun run(ClientCommand command, String... args) {
        return run(command, Map.of(), args);
    }

    /** @param environment what the command sees as environment variables */
    static CliRun run(ClientCommand command, Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(command);
        command.options.environment = environment::get;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + out + " (stderr: " + err + ")", e);
        }
    }
}
