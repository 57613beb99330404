package org.ebrelay.domain.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RM-S3, RM-S5, RM-S6 and RM-S8 of ebms2-digest §13.2. Times are offsets from the MessageId's Timestamp. */
class FastRetryPolicyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final FastRetryPolicy policy = new FastRetryPolicy();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                 |ack |ret|interval|persist|att|lastEnd   |deliv|ttl    |deadline|now        |expected
            first attempt goes at once                             |true|3  |PT30S   |PT1H   |0  |          |false|PT55M  |        |PT0S       |SEND
            first attempt late in the queue but before TTL         |true|3  |PT30S   |PT1H   |0  |          |false|PT55M  |        |PT54M59.999S|SEND
            first attempt exactly at TimeToLive expires (RM-S5)    |true|3  |PT30S   |PT1H   |0  |          |false|PT55M  |        |PT55M      |EXPIRED TIME_TO_LIVE PT55M
            ack awaited: 1 ms before RetryInterval waits (RM-S3)   |true|3  |PT30S   |PT1H   |1  |PT1S      |true |PT55M  |        |PT30.999S  |WAIT PT31S
            ack awaited: exactly RetryInterval after the end sends |true|3  |PT30S   |PT1H   |1  |PT1S      |true |PT55M  |        |PT31S      |SEND
            transport failure waits RetryInterval from its end     |true|3  |PT30S   |PT1H   |1  |PT1S      |false|PT55M  |        |PT2S       |WAIT PT31S
            the last of 1 + Retries attempts may go                |true|3  |PT30S   |PT1H   |3  |PT61S     |true |PT55M  |        |PT91S      |SEND
            after the last attempt the ack window still runs       |true|3  |PT30S   |PT1H   |4  |PT91S     |true |PT55M  |        |PT120.999S |WAIT PT121S
            after the last attempt's ack window: exhausted (RM-S6) |true|3  |PT30S   |PT1H   |4  |PT91S     |true |PT55M  |        |PT121S     |EXHAUSTED 4
            last attempt failed in transport: exhausted at once    |true|3  |PT30S   |PT1H   |4  |PT91S     |false|PT55M  |        |PT91S      |EXHAUSTED 4
            Retries 0 allows exactly one attempt                   |true|0  |PT30S   |PT1H   |1  |PT1S      |false|PT55M  |        |PT1S       |EXHAUSTED 1
            best effort: a failed attempt is retried too           |false|2 |PT30S   |PT1H   |1  |PT1S      |false|       |        |PT31S      |SEND
            best effort: no ack window after an accepted attempt   |false|0 |PT30S   |PT1H   |1  |PT1S      |true |       |        |PT1S       |EXHAUSTED 1
            no resend exactly at Timestamp + PersistDuration       |true|3  |PT30S   |PT1H   |1  |PT59M50S  |false|       |        |PT1H       |EXPIRED PERSIST_DURATION PT1H
            a wait past PersistDuration ends at PersistDuration    |true|3  |PT30S   |PT1H   |1  |PT59M50S  |false|       |        |PT59M59.999S|WAIT PT1H
            a wait past TimeToLive ends at TimeToLive              |true|3  |PT30S   |PT1H   |1  |PT1S      |false|PT10S  |        |PT2S       |WAIT PT10S
            an ack window is not cut short by TimeToLive           |true|3  |PT30S   |PT1H   |1  |PT1S      |true |PT10S  |        |PT2S       |WAIT PT31S
            after that ack window the message has expired          |true|3  |PT30S   |PT1H   |1  |PT1S      |true |PT10S  |        |PT31S      |EXPIRED TIME_TO_LIVE PT10S
            the local deadline stops resends                       |true|3  |PT30S   |PT1H   |1  |PT19M50S  |false|PT55M  |PT20M   |PT20M      |EXPIRED DEADLINE PT20M
            1 ms before the deadline a due resend goes             |true|3  |PT30S   |PT1H   |1  |PT19M20S  |false|PT55M  |PT20M   |PT19M59.999S|SEND
            TimeToLive and PersistDuration at once: TimeToLive     |true|3  |PT30S   |PT1H   |1  |PT1S      |false|PT1H   |        |PT1H       |EXPIRED TIME_TO_LIVE PT1H
            the earliest of the limits is reported                 |true|3  |PT30S   |PT1H   |0  |          |false|PT50M  |PT40M   |PT45M      |EXPIRED DEADLINE PT40M
            exhausted retries are reported before an expiry        |true|3  |PT30S   |PT1H   |4  |PT91S     |false|PT55M  |        |PT2H       |EXHAUSTED 4
            no limits at all: resends go on schedule               |true|3  |PT30S   |       |2  |PT10H     |false|       |        |PT10H30S   |SEND
            a zero RetryInterval resends at once                   |true|3  |PT0S    |PT1H   |1  |PT5S      |false|PT55M  |        |PT5S       |SEND
            """)
    void decides(String description, boolean ack, int retries, String interval, String persist, int attempts,
                 String lastEnd, boolean delivered, String ttl, String deadline, String now, String expected) {
        DeliveryTerms terms = new DeliveryTerms(ack, true, false, retries, Duration.parse(interval),
                persist == null ? null : Duration.parse(persist));
        RetryFacts facts = new RetryFacts(attempts, at(lastEnd), delivered, terms, T0, at(ttl), at(deadline));

        assertThat(policy.decide(facts, at(now))).isEqualTo(decision(expected));
    }

    private static Instant at(String offset) {
        return offset == null ? null : T0.plus(Duration.parse(offset));
    }

    private static RetryDecision decision(String text) {
        String[] words = text.split(" ");
        return switch (words[0]) {
            case "SEND" -> new RetryDecision.SendNow();
            case "WAIT" -> new RetryDecision.WaitUntil(at(words[1]));
            case "EXHAUSTED" -> new RetryDecision.RetriesExhausted(Integer.parseInt(words[1]));
            case "EXPIRED" -> new RetryDecision.Expired(ExpiryReason.valueOf(words[1]), at(words[2]));
            default -> throw new IllegalArgumentException(text);
        };
    }
}
