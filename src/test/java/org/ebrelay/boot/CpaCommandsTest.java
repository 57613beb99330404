package org.ebrelay.boot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ebrelay cpa check} and {@code cpa show} over the CPAs in cpa/.
 * Needs the real {@code CpaFileLoader} and {@code AgreementSummary} (the CPA work): fails against the stubs.
 */
class CpaCommandsTest {
    private static final String EXAMPLE = "cpa/example-hl7v2-laboratory.xml";

    @TempDir
    Path temp;

    private Path brokenCpa() throws IOException {
        String xml = Files.readString(Path.of(EXAMPLE));
        Path broken = temp.resolve("broken.xml");
        Files.writeString(broken, xml.substring(0, xml.length() / 2));
        return broken;
    }

    @Test
    void checkSaysOkForEveryBundledCpaAndExitsZero() {
        Cli.Run run = Cli.run("cpa", "check", EXAMPLE, "cpa/cpa-hl7-rm-sync.xml", "cpa/cpa-hl7-rm-async.xml",
                "cpa/cpa-hl7-rm-sync-signed.xml", "cpa/demo-hospital-lab.xml");

        assertThat(run.exitCode()).as("stdout: %s", run.out()).isZero();
        assertThat(run.out().lines()).containsExactly(EXAMPLE + ": ok", "cpa/cpa-hl7-rm-sync.xml: ok",
                "cpa/cpa-hl7-rm-async.xml: ok", "cpa/cpa-hl7-rm-sync-signed.xml: ok", "cpa/demo-hospital-lab.xml: ok");
    }

    @Test
    void anExpiredCpaIsStillValidButCheckWarnsAboutItAtItsEndElement() throws IOException {
        String xml = Files.readString(Path.of("cpa/demo-hospital-lab.xml"))
                .replace("<tns:Start>2026-01-01T00:00:00Z</tns:Start>", "<tns:Start>2019-01-01T00:00:00Z</tns:Start>")
                .replace("<tns:End>2031-11-19T00:00:00Z</tns:End>", "<tns:End>2020-01-01T00:00:00Z</tns:End>");
        Path expired = temp.resolve("expired.xml");
        Files.writeString(expired, xml);
        int endLine = (int) xml.substring(0, xml.indexOf("<tns:End>")).lines().count();

        Cli.Run run = Cli.run("cpa", "check", expired.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains(expired + ": ok");
        assertThat(run.out().lines()).anyMatch(l -> l.startsWith(expired + ":" + endLine + ":")
                && l.contains(": warning: ") && l.contains("2020-01-01"));
    }

    @Test
    void checkPrintsOneFileLineColumnLinePerProblemAndExitsOne() throws IOException {
        Path broken = brokenCpa();

        Cli.Run run = Cli.run("cpa", "check", broken.toString(), EXAMPLE);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).contains(EXAMPLE + ": ok");
        assertThat(run.out().lines().filter(l -> l.startsWith(broken.toString())))
                .isNotEmpty()
                .allMatch(l -> Pattern.matches(Pattern.quote(broken.toString()) + ":\\d+:\\d+: .+", l));
    }

    @Test
    void checkReportsAFileThatDoesNotExistAsAProblem() {
        Cli.Run run = Cli.run("cpa", "check", "cpa/no-such-cpa.xml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("cpa/no-such-cpa.xml:");
    }

    @Test
    void showPrintsTheSummaryOfAValidCpa() {
        Cli.Run run = Cli.run("cpa", "show", EXAMPLE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("urn:example:cpa:RGH-0001:NRL-0042:hl7v2-laboratory:1").endsWith("\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void showRefusesAnInvalidCpaAndPrintsItsProblems() throws IOException {
        Path broken = brokenCpa();

        Cli.Run run = Cli.run("cpa", "show", broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(broken + ": not shown, the CPA has problems:", broken + ":");
    }
}
