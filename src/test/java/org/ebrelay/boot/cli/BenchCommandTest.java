package org.ebrelay.boot.cli;

import org.ebrelay.adapter.jdbc.TestPostgres;
import org.ebrelay.boot.Cli;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny run of {@code ebrelay bench}, so the benchmark keeps working; its figures mean nothing here. */
class BenchCommandTest {
    @Test
    void aSmallClosedLoopRunCompletesEveryMessageAndReportsTheFigures() {
        Cli.Run run = Cli.run("bench", "--messages", "60", "--warmup", "20", "--concurrency", "4");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("ebrelay bench: 60 messages after 20 warm-up, 2048-byte HL7 v2 payload, 4 concurrent submitters")
                .contains("messages:    60 measured, 60 COMPLETE, 0 refused by the API")
                .containsPattern("throughput: +\\d+ messages/s")
                .containsPattern("latency: +p50 [\\d.]+ ms, p90 [\\d.]+ ms, p99 [\\d.]+ ms")
                .containsPattern("API answer: +p50 [\\d.]+ ms, p99 [\\d.]+ ms")
                .containsPattern("CPU: +[\\d.]+ ms per message")
                .containsPattern("store: +lab +[\\d.]+ commits .*, \\d+ KB written per commit\\)");
    }

    @Test
    void aPacedRunWithTheJdkClientCompletesToo() {
        // the warm-up of a paced run ends at the measured rate: 30 messages at 100/s are all paced
        Cli.Run run = Cli.run("bench", "--messages", "40", "--warmup", "30", "--rate", "100", "--client", "jdk");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("paced at 100 messages/s, REST API with the jdk client")
                .contains("messages:    40 measured, 40 COMPLETE");
    }

    @Test
    void aRunOnPostgresqlWithTwoHospitalNodesCompletesEveryMessage() {
        Cli.Run run = Cli.run("bench", "--messages", "40", "--warmup", "10", "--concurrency", "4",
                "--postgres", TestPostgres.serverUrl(), "--postgres-user", TestPostgres.USER, "--hospital-nodes", "2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("durability commit, PostgreSQL, 2 hospital node(s)")
                .contains("messages:    40 measured, 40 COMPLETE");
    }

    @Test
    void moreThanOneHospitalNodeNeedsPostgresql() {
        Cli.Run run = Cli.run("bench", "--hospital-nodes", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("more than 1 needs --postgres");
    }

    @Test
    void anUnknownDurabilityIsAWrongCommandLine() {
        Cli.Run run = Cli.run("bench", "--durability", "sometimes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--durability is commit or fsync");
    }
}
