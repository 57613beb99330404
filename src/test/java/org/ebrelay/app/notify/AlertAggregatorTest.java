package org.ebrelay.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ebrelay.app.port.out.NoticeKind;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The storm control, as scripts on a fake timeline: each line is {@code TIME PARTNER EVENT} (an event of a message
 * to partner A or B) or {@code TIME tick -> NOTICES} (what {@code due} returns then: {@code PARTNER TYPE kind=count..}
 * separated by {@code ;}, or nothing). Digest interval 15 min, prompt delay 5 s.
 */
class AlertAggregatorTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final Duration DIGEST = Duration.ofMinutes(15);
    private static final Duration PROMPT = Duration.ofSeconds(5);

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("an outage is announced once, promptly, with what happened at the same moment", List.of(
                        "0s A exhausted", "0s A manual",
                        "4s tick ->",
                        "5s tick -> A OUTAGE_STARTED RETRIES_EXHAUSTED=1 MANUAL_HANDLING=1",
                        "6s tick ->")),
                Arguments.of("later failures wait for the digest, which comes one interval after the last notice", List.of(
                        "0s A exhausted", "5s tick -> A OUTAGE_STARTED RETRIES_EXHAUSTED=1",
                        "1m A exhausted", "2m A exhausted",
                        "15m tick ->",
                        "15m5s tick -> A DIGEST RETRIES_EXHAUSTED=2",
                        "20m A exhausted",
                        "30m tick ->",
                        "30m5s tick -> A DIGEST RETRIES_EXHAUSTED=1")),
                Arguments.of("no digest is sent when nothing happened since the last notice", List.of(
                        "0s A exhausted", "5s tick -> A OUTAGE_STARTED RETRIES_EXHAUSTED=1",
                        "15m5s tick ->", "2h tick ->")),
                Arguments.of("a completed message ends the outage with the totals, unreported events included", List.of(
                        "0s A exhausted", "5s tick -> A OUTAGE_STARTED RETRIES_EXHAUSTED=1",
                        "1m A exhausted", "2m A regenerated",
                        "3m A completed",
                        "3m tick -> A OUTAGE_ENDED RETRIES_EXHAUSTED=1 MESSAGE_ID_REGENERATED=1 | total RETRIES_EXHAUSTED=2 MESSAGE_ID_REGENERATED=1",
                        "20m tick ->")),
                Arguments.of("a completion without an outage says nothing", List.of(
                        "0s A completed", "1s tick ->", "1h tick ->")),
                Arguments.of("the first event of another kind during an outage goes out promptly, the next ones wait", List.of(
                        "0s A exhausted", "5s tick -> A OUTAGE_STARTED RETRIES_EXHAUSTED=1",
                        "1m A regenerated", "1m5s tick -> A NEW_PROBLEM MESSAGE_ID_REGENERATED=1",
                        "2m A regenerated", "3m tick ->",
                        "16m5s tick -> A DIGEST MESSAGE_ID_REGENERATED=1")),
                Arguments.of("refusals: the first promptly, then a digest; they do not end with a completion", List.of(
                        "0s A failed", "5s tick -> A NEW_PROBLEM FAILED=1",
                        "1m A failed", "1m A completed", "2m A failed",
                        "10m tick ->",
                        "15m5s tick -> A DIGEST FAILED=2")),
                Arguments.of("after a quiet interval a refusal is news again", List.of(
                        "0s A failed", "5s tick -> A NEW_PROBLEM FAILED=1",
                        "15m tick ->",
                        "40m A failed", "40m5s tick -> A NEW_PROBLEM FAILED=1")),
                Arguments.of("partners are watched apart", List.of(
                        "0s A exhausted", "1s B exhausted",
                        "5s tick -> A OUTAGE_STARTED RETRIES_EXHAUSTED=1",
                        "6s tick -> B OUTAGE_STARTED RETRIES_EXHAUSTED=1",
                        "1m B completed",
                        "1m tick -> B OUTAGE_ENDED | total RETRIES_EXHAUSTED=1",
                        "2m A exhausted",
                        "15m5s tick -> A DIGEST RETRIES_EXHAUSTED=1")),
                Arguments.of("a partner failing again after its outage ended starts a new one", List.of(
                        "0s A exhausted", "5s tick -> A OUTAGE_STARTED RETRIES_EXHAUSTED=1",
                        "1m A completed", "1m tick -> A OUTAGE_ENDED | total RETRIES_EXHAUSTED=1",
                        "2m A exhausted", "2m5s tick -> A OUTAGE_STARTED RETRIES_EXHAUSTED=1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void noticesFollowTheScript(String name, List<String> script) {
        AlertAggregator aggregator = new AlertAggregator(DIGEST, PROMPT, 3);
        for (String line : script) {
            String[] words = line.split(" ", 3);
            Instant at = T0.plus(Duration.parse("PT" + words[0].toUpperCase()));
            if (words[1].equals("tick")) {
                String expected = words[2].substring("->".length()).strip();
                assertThat(describe(aggregator.due(at))).as(line).isEqualTo(expected);
            } else if (words[2].equals("completed")) {
                aggregator.recovered(partner(words[1]), at);
            } else {
                aggregator.problem(partner(words[1]), event(words[2], at), at);
            }
        }
    }

    @Test
    void tenThousandFailuresDuringAnHourLongOutageMakeAHandfulOfNotices() {
        AlertAggregator aggregator = new AlertAggregator(DIGEST, PROMPT, 5);
        List<AdminNotice> sent = new ArrayList<>();
        Instant end = T0.plus(Duration.ofHours(1));
        int failures = 0;
        for (Instant now = T0; now.isBefore(end); now = now.plusSeconds(1)) {
            for (int i = 0; i < 3 && failures < 10_000; i++, failures++) {
                String kind = failures % 10 == 9 ? "regenerated" : "exhausted";
                aggregator.problem(partner("A"), event(kind, now), now);
                if (kind.equals("exhausted")) {
                    aggregator.problem(partner("A"), event("manual", now), now);
                }
            }
            sent.addAll(aggregator.due(now));
        }
        aggregator.recovered(partner("A"), end);
        sent.addAll(aggregator.due(end));

        assertThat(failures).isEqualTo(10_000);
        assertThat(sent).extracting(AdminNotice::type).containsExactly(AdminNotice.Type.OUTAGE_STARTED,
                AdminNotice.Type.DIGEST, AdminNotice.Type.DIGEST, AdminNotice.Type.DIGEST,
                AdminNotice.Type.OUTAGE_ENDED);
        assertThat(sent.get(0).counts()).containsEntry(NoticeKind.RETRIES_EXHAUSTED, 17)
                .containsEntry(NoticeKind.MESSAGE_ID_REGENERATED, 1);
        AdminNotice ended = sent.get(sent.size() - 1);
        assertThat(ended.outageTotals()).containsEntry(NoticeKind.RETRIES_EXHAUSTED, 9_000)
                .containsEntry(NoticeKind.MANUAL_HANDLING, 9_000).containsEntry(NoticeKind.MESSAGE_ID_REGENERATED, 1_000);
        assertThat(sent).allSatisfy(n -> assertThat(n.examples().size()).isLessThanOrEqualTo(15));
        assertThat(sent.stream().mapToInt(AdminNotice::total).sum()).as("every event reported exactly once")
                .isEqualTo(19_000);
        assertThat(aggregator.due(end.plus(DIGEST))).isEmpty();
        assertThat(aggregator.watched()).as("forgotten once quiet").isZero();
    }

    private static String describe(List<AdminNotice> notices) {
        return notices.stream().map(AlertAggregatorTest::describe).collect(Collectors.joining("; "));
    }

    private static String describe(AdminNotice n) {
        String text = n.partner().party().value() + " " + n.type() + counts(n.counts());
        return n.type() == AdminNotice.Type.OUTAGE_ENDED ? text + " | total" + counts(n.outageTotals()) : text;
    }

    private static String counts(Map<NoticeKind, Integer> counts) {
        return new TreeMap<>(counts).entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining());
    }

    private static Partner partner(String name) {
        return new Partner(CpaId.of("cpa-1"), PartyId.of("urn:test", name));
    }

    private static AdminNotice.Example event(String word, Instant at) {
        NoticeKind kind = Arrays.stream(new String[][] {{"exhausted", "RETRIES_EXHAUSTED"}, {"manual", "MANUAL_HANDLING"},
                        {"regenerated", "MESSAGE_ID_REGENERATED"}, {"failed", "FAILED"}})
                .filter(p -> p[0].equals(word)).map(p -> NoticeKind.valueOf(p[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(word));
        return new AdminNotice.Example(kind, "mid-" + at.toEpochMilli(), "hl7-1", word, at);
    }
}
