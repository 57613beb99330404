package org.ebrelay.boot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadDriverTest {
    private final Payloads payloads = new Payloads("TAG", 256, Instant.parse("2026-11-23T02:00:00Z"));

    /** Answers every third submission with 503 and the others with no response at all. */
    private static final class Refusing extends RestSubmitter {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        void submit(URI submitUri, byte[] payload, Answer done) {
            if (calls.getAndIncrement() % 3 == 0) {
                done.accept(503, "{\"error\":\"overloaded\"}\n{\"more\":1}");
            } else {
                done.accept(0, "java.net.ConnectException: Connection refused");
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void countsEachRefusalUnderItsStatusAndTheFirstLineOfTheAnswer() throws Exception {
        LoadDriver driver = new LoadDriver(new Refusing(), URI.create("http://127.0.0.1:1/api/messages"), payloads, 6);

        assertThat(driver.closedLoop(0, 6, 2, Duration.ofSeconds(10))).isTrue();

        assertThat(driver.refused()).isEqualTo(6);
        assertThat(driver.refusalReasons()).containsOnly(
                entry("HTTP 503: {\"error\":\"overloaded\"}", 2),
                entry("no answer: java.net.ConnectException: Connection refused", 4));
    }

    @Test
    void aLongAnswerIsCutAndAnEmptyOneLeavesTheStatus() {
        assertThat(LoadDriver.reason(500, "x".repeat(400))).isEqualTo("HTTP 500: " + "x".repeat(160) + "...");
        assertThat(LoadDriver.reason(429, "  ")).isEqualTo("HTTP 429");
        assertThat(LoadDriver.reason(0, null)).isEqualTo("no answer");
    }
}
