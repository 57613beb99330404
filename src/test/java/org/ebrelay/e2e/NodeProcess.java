package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node in a process of its own, {@code java -cp <this classpath> org.ebrelay.boot.Main serve --config FILE}, for
 * the kill tests: started with an optional crash point, waited for on its /health, killed like {@code kill -9}.
 * Its output goes to a log file next to its configuration, shown when it fails to start.
 */
final class NodeProcess implements AutoCloseable {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final TestNode setup;
    private final Process process;
    private final Path log;

    private NodeProcess(TestNode setup, Process process, Path log) {
        this.setup = setup;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the node and waits until its /health answers.
     *
     * @param crashAt the crash point to arm ({@code -Debrelay.crashAt}), or null
     */
    static NodeProcess start(TestNode setup, String crashAt) {
        return startWith(setup, setup.yaml(), crashAt);
    }

    /** Starts the node with this configuration file (a cluster node's, say) and waits until its /health answers. */
    static NodeProcess startWith(TestNode setup, String yaml, String crashAt) {
        NodeProcess node = launch(setup, yaml, crashAt);
        node.awaitHealthy();
        return node;
    }

    private static NodeProcess launch(TestNode setup, String yaml, String crashAt) {
        try {
            Path config = Files.writeString(setup.root().resolve(setup.name() + ".yaml"), yaml);
            Path log = setup.root().resolve(setup.name() + "-run" + RUNS.incrementAndGet() + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // quick to start on a small machine; these nodes live for seconds
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
            if (crashAt != null) {
                command.add("-Debrelay.crashAt=" + crashAt);
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.ebrelay.boot.Main",
                    "serve", "--config", config.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new NodeProcess(setup, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + setup.port());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits (bounded) for the process to end on its own, as at a crash point, and returns its exit code. */
    int awaitExit() {
        try {
            assertThat(process.waitFor(Observed.PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .as("%s ended; its log:%n%s", setup.name(), logText()).isTrue();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(Observed.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy() {
        Observed.eventually(Duration.ofSeconds(60)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(setup.name() + " exited with " + process.exitValue() + "; its log:\n"
                        + logText());
            }
            return healthy();
        });
    }

    private boolean healthy() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUri() + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
