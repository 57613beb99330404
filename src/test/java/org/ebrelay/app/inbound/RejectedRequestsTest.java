package org.ebrelay.app.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.bank.NodeNote;
import org.ebrelay.app.bank.NodeNotes;
import org.junit.jupiter.api.Test;

class RejectedRequestsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final List<NodeNote> kept = new ArrayList<>();
    private final NodeNotes notes = new NodeNotes() {
        @Override
        public void add(NodeNote note) {
            kept.add(note);
        }

        @Override
        public List<NodeNote> pending(int limit) {
            return List.copyOf(kept);
        }

        @Override
        public void shipped(List<NodeNote> shipped) {
            kept.removeAll(shipped);
        }
    };
    private final RejectedRequests rejected = new RejectedRequests(notes, clock, new RejectedRequests.Limits(3, 5, 8));

    @Test
    void a_refusal_is_noted_with_peer_answer_reason_size_and_escaped_first_bytes() {
        rejected.refused("fault Client", "DOCTYPE is not allowed", "10.0.0.7", 40,
                "<!DOCTYPE\r\nx>".getBytes(StandardCharsets.UTF_8));

        assertThat(kept).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NodeNote.REJECTED_REQUEST);
            assertThat(n.action()).isEqualTo("fault Client");
            assertThat(n.detail()).isEqualTo("DOCTYPE is not allowed");
            assertThat(n.remote()).isEqualTo("10.0.0.7");
            assertThat(n.size()).isEqualTo(40);
            assertThat(n.firstBytes()).isEqualTo("<!DOCTYP...");
            assertThat(n.repeats()).isEqualTo(1);
        });
    }

    @Test
    void a_flood_with_one_reason_is_noted_a_few_times_then_counted_in_one_note_when_the_minute_ends() {
        for (int i = 0; i < 1000; i++) {
            rejected.refused("HTTP 413", "too large", "10.0.0." + (i % 200), 1 << 30, null);
        }
        assertThat(kept).hasSize(3);

        clock.advance(Duration.ofSeconds(61));
        rejected.flush();

        assertThat(kept).hasSize(4);
        assertThat(kept.get(3).repeats()).isEqualTo(997);
        assertThat(kept.get(3).detail()).startsWith("too large (and 997 more like it");
        rejected.refused("HTTP 413", "too large", "10.0.0.1", 1, null);
        assertThat(kept).as("a new minute notes again").hasSize(5);
    }

    @Test
    void a_flood_of_ever_different_reasons_is_bounded_per_minute_too() {
        for (int i = 0; i < 1000; i++) {
            rejected.refused("fault Client", "reason " + i, "10.0.0.9", 10, new byte[] {(byte) i});
        }
        clock.advance(Duration.ofMinutes(1));
        rejected.flush();

        assertThat(kept.stream().filter(n -> n.repeats() == 1)).hasSize(5);
        assertThat(kept.stream().mapToInt(NodeNote::repeats).sum()).as("every refusal counted").isEqualTo(1000);
        assertThat(kept).hasSizeLessThanOrEqualTo(5 + 5 + 1);
    }

    @Test
    void bytes_outside_printable_ascii_and_the_backslash_are_escaped() {
        assertThat(RejectedRequests.escape(new byte[] {'a', '\\', 0, (byte) 0xff, 'b'}, 10))
                .isEqualTo("a\\x5c\\x00\\xffb");
    }
}
