package org.ebrelay.boot.cli;

import org.ebrelay.boot.Cli;
import org.ebrelay.boot.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code ebrelay demo --no-wait} in this JVM: two real nodes on loopback, the laboratory down for 3 s. */
class DemoCommandTest {
    @TempDir
    Path data;

    @Test
    void theDemoCompletesEveryMessageThroughTheOutageAndDeliversEachExactlyOnce() throws Exception {
        int hospitalPort = LoopbackPorts.next();
        int labPort = LoopbackPorts.next();

        Cli.Run run = Cli.run("demo", "--no-wait", "--outage", "3", "--hospital-port", String.valueOf(hospitalPort),
                "--lab-port", String.valueOf(labPort), "--data-dir", data.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("the hospital on http://127.0.0.1:" + hospitalPort)
                .contains("the laboratory on http://127.0.0.1:" + labPort)
                .contains("laboratory DOWN")
                .contains("laboratory UP again on http://127.0.0.1:" + labPort)
                .contains("All 12 messages COMPLETE.")
                .contains("The laboratory inbox holds the 6 orders, each exactly once.")
                .contains("The hospital inbox holds the 6 results, each exactly once.")
                .contains("Each message was delivered exactly once.")
                .contains("4. Over MLLP")
                .contains("the LIS received 3 of 3 orders over MLLP; the engine received 3 application ACKs")
                .doesNotContain("\u001b[");
        assertThat(run.out()).as("each MLLP order answered AA by the hospital node")
                .containsPattern("MLLP-\\w+-03 sent over MLLP: the hospital node answered AA");
        assertThat(run.out()).as("an order sent during the outage was retried").containsPattern(
                "ORD-\\w+-04 +hospital -> laboratory +\\S+ +RETRYING");
        assertThat(run.out()).as("no wait: the guide is not printed").doesNotContain("Ctrl-C");
        assertThat(data.resolve("hospital")).isDirectory();
        assertThat(data.resolve("lab")).isDirectory();
    }

    @Test
    void aPortInUseIsAClearFailure() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Run run = Cli.run("demo", "--no-wait", "--hospital-port", String.valueOf(busy.getLocalPort()),
                    "--lab-port", String.valueOf(LoopbackPorts.next()), "--data-dir", data.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("ebrelay demo: ");
        }
    }

    @Test
    void theDataOfAnEarlierRunIsWipedUnlessKept() throws Exception {
        Path leftover = Files.createDirectories(data.resolve("lab")).resolve("leftover.txt");
        Files.writeString(leftover, "x");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // the hospital cannot start (its port is taken), but the data directories were prepared first
            Cli.run("demo", "--no-wait", "--keep", "--hospital-port", String.valueOf(busy.getLocalPort()),
                    "--lab-port", String.valueOf(LoopbackPorts.next()), "--data-dir", data.toString());
            assertThat(leftover).exists();

            Cli.run("demo", "--no-wait", "--hospital-port", String.valueOf(busy.getLocalPort()),
                    "--lab-port", String.valueOf(LoopbackPorts.next()), "--data-dir", data.toString());
            assertThat(leftover).doesNotExist();
        }
    }
}
