package org.ebrelay.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's shape: help, version, usage errors. None of these reach the codec or the CPA loader. */
class MainTest {
    @Test
    void helpListsTheCommandsAndExitsZero() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ebrelay", "inspect", "cpa", "--version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspect", "cpa", "cpa check", "cpa show"})
    void everyCommandHasHelp(String command) {
        String[] args = (command + " --help").split(" ");

        Cli.Run run = Cli.run(args);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ebrelay " + command);
    }

    @Test
    void inspectHelpDocumentsTheExitCodes() {
        String help = Cli.run("inspect", "--help").out();

        assertThat(help).contains("--json", "Exit codes:", "0", "well formed and valid", "unreadable");
    }

    @Test
    void versionIsDevWhenRunFromClasses() {
        Cli.Run run = Cli.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().trim()).isEqualTo("ebrelay dev");
    }

    @Test
    void subcommandsPrintTheSameVersion() {
        assertThat(Cli.run("inspect", "--version").out().trim()).isEqualTo("ebrelay dev");
        assertThat(Cli.run("cpa", "check", "-V").out().trim()).isEqualTo("ebrelay dev");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Run run = Cli.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required subcommand", "Usage: ebrelay");
    }

    @Test
    void cpaWithoutSubcommandIsAUsageError() {
        Cli.Run run = Cli.run("cpa");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required subcommand: check, show, reload or history");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli.Run run = Cli.run("inspect", "--yaml", "x.xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--yaml'");
    }

    @Test
    void missingFilesAreUsageErrors() {
        assertThat(Cli.run("inspect").exitCode()).isEqualTo(2);
        assertThat(Cli.run("cpa", "check").exitCode()).isEqualTo(2);
        assertThat(Cli.run("cpa", "show").exitCode()).isEqualTo(2);
        assertThat(Cli.run("cpa", "show", "a.xml", "b.xml").exitCode()).isEqualTo(2);
    }

    @Test
    void inspectingAFileThatDoesNotExistExitsTwoAndSaysWhy() {
        Cli.Run run = Cli.run("inspect", "no/such/message.xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read no/such/message.xml: no such file");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void inspectingAFileThatDoesNotExistStillWritesOneJsonObjectWithJson() throws Exception {
        Cli.Run run = Cli.run("inspect", "--json", "no/such/message.xml");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(json.get("readable").asBoolean()).isFalse();
        assertThat(json.get("kind").isNull()).isTrue();
        assertThat(json.get("problems").get(0).get("description").asText()).isEqualTo("cannot read the file: no such file");
    }
}
