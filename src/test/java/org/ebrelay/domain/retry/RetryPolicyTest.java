package org.ebrelay.domain.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole resend rule (issue 4): the ebXML sequence, MessageId regeneration, slow retry, manual handling and
 * expiry. Times are offsets from the submission at T0; the regeneration margin is PT5M. Slow-retry profiles:
 * {@code count3} wakes after 10, 20, 40, 40... min, at most 3 times; {@code age2h} the same intervals until 2 h
 * after submission; {@code off} has no slow retry.
 */
class RetryPolicyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Map<String, SlowRetrySettings> PROFILES = Map.of(
            "count3", new SlowRetrySettings(true, Duration.ofMinutes(10), 2.0, Duration.ofMinutes(40), 3, null),
            "age2h", new SlowRetrySettings(true, Duration.ofMinutes(10), 2.0, Duration.ofMinutes(40), null,
                    Duration.ofHours(2)),
            "off", new SlowRetrySettings(false, Duration.ofMinutes(10), 2.0, Duration.ofMinutes(40), 3, null));
    private final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(5));

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                   |ret|persist|att|lastEnd  |deliv|idTs |ttl   |deadline|rounds|slow  |hops |now          |expected
            the first attempt goes at once under its id              |3  |PT1H   |0  |         |false|PT0S |PT59M |        |0     |count3|false|PT0S         |SEND
            ack awaited: 1 ms before RetryInterval waits             |3  |PT1H   |1  |PT1S     |true |PT0S |PT59M |        |0     |count3|false|PT30.999S    |WAIT PT31S
            ack awaited: exactly at RetryInterval sends              |3  |PT1H   |1  |PT1S     |true |PT0S |PT59M |        |0     |count3|false|PT31S        |SEND
            a transport failure waits RetryInterval from its end     |3  |PT1H   |1  |PT1S     |false|PT0S |PT59M |        |0     |count3|false|PT2S         |WAIT PT31S
            1 ms before the regeneration rule: the same id           |3  |PT1H   |1  |PT54M    |false|PT0S |PT59M |        |0     |count3|false|PT54M59.999S |SEND
            exactly at now + margin = Timestamp + PD: a new id       |3  |PT1H   |1  |PT54M    |false|PT0S |PT59M |        |0     |count3|false|PT55M        |NEW_ID
            PersistDuration long past is no expiry: a new id         |3  |PT1H   |1  |P3D      |false|PT0S |PT59M |        |1     |count3|false|P3DT1M       |NEW_ID
            a regenerated id counts from its own Timestamp           |3  |PT1H   |1  |PT2H30S  |false|PT2H |PT2H59M|       |1     |count3|false|PT2H1M       |SEND
            a TimeToLive before the rule: 1 ms before it, same id    |3  |PT1H   |1  |PT49M    |false|PT0S |PT50M |        |0     |count3|false|PT49M59.999S |SEND
            a TimeToLive before the rule: at it, a new id            |3  |PT1H   |1  |PT49M    |false|PT0S |PT50M |        |0     |count3|false|PT50M        |NEW_ID
            the margin is capped at PD/10: 1 ms before               |3  |PT10S  |0  |         |false|PT0S |      |        |0     |count3|false|PT8.999S     |SEND
            the margin is capped at PD/10: at PD - PD/10             |3  |PT10S  |0  |         |false|PT0S |      |        |0     |count3|false|PT9S         |NEW_ID
            a wait is not cut short by the regeneration rule         |3  |PT1H   |1  |PT54M50S |false|PT0S |PT59M |        |0     |count3|false|PT55M        |WAIT PT55M20S
            no PersistDuration: TimeToLive expires the message       |3  |       |1  |PT9M50S  |false|PT0S |PT10M |        |0     |count3|false|PT10M        |EXPIRED TIME_TO_LIVE PT10M
            no PersistDuration, no TimeToLive: resends go on         |3  |       |2  |PT10H    |false|PT0S |      |        |0     |count3|false|PT10H30S     |SEND
            the local deadline expires the message                   |3  |PT1H   |1  |PT19M50S |false|PT0S |PT59M |PT20M   |0     |count3|false|PT20M        |EXPIRED DEADLINE PT20M
            the deadline ends a slow-retry wake-up too               |3  |PT1H   |0  |PT30M    |false|PT0S |PT59M |PT40M   |1     |count3|false|PT41M        |EXPIRED DEADLINE PT40M
            the last ack window still runs                           |3  |PT1H   |4  |PT91S    |true |PT0S |PT59M |        |0     |count3|false|PT120.999S   |WAIT PT121S
            after it: slow retry wakes up firstInterval later        |3  |PT1H   |4  |PT91S    |true |PT0S |PT59M |        |0     |count3|false|PT121S       |SLOW PT12M1S 1 4
            a last transport failure enters slow retry at once       |3  |PT1H   |4  |PT91S    |false|PT0S |PT59M |        |0     |count3|false|PT91S        |SLOW PT11M31S 1 4
            Retries 0: one attempt, then slow retry                  |0  |PT1H   |1  |PT1S     |false|PT0S |PT59M |        |0     |count3|false|PT1S         |SLOW PT10M1S 1 1
            the second wake-up waits twice as long                   |3  |PT1H   |4  |PT1H     |false|PT0S |PT59M |        |1     |count3|false|PT1H         |SLOW PT1H20M 2 4
            the interval stops growing at maxInterval                |3  |PT1H   |4  |PT1H     |false|PT0S |PT59M |        |5     |age2h |false|PT1H         |SLOW PT1H40M 6 4
            the last wake-up by count                                |3  |PT1H   |4  |PT1H     |false|PT0S |PT59M |        |2     |count3|false|PT1H         |SLOW PT1H40M 3 4
            after maxAttempts wake-ups: manual handling              |3  |PT1H   |4  |PT1H     |false|PT0S |PT59M |        |3     |count3|false|PT1H         |MANUAL SLOW_RETRY_COUNT 4
            a wake-up exactly at maxAge still comes                  |3  |PT1H   |4  |PT1H50M  |false|PT0S |PT59M |        |0     |age2h |false|PT1H50M      |SLOW PT2H 1 4
            a wake-up 1 ms past maxAge: manual handling              |3  |PT1H   |4  |PT1H50M  |false|PT0S |PT59M |        |0     |age2h |false|PT1H50M0.001S|MANUAL SLOW_RETRY_AGE 4
            without slow retry: manual handling                      |3  |PT1H   |4  |PT91S    |false|PT0S |PT59M |        |0     |off   |false|PT91S        |MANUAL RETRIES_EXHAUSTED 4
            a multi-hop route skips slow retry                       |3  |PT1H   |4  |PT91S    |false|PT0S |PT59M |        |0     |count3|true |PT91S        |MANUAL MULTI_HOP 4
            a wake-up starts a fresh sequence at once                |3  |PT1H   |0  |PT2M     |false|PT0S |PT59M |        |1     |count3|false|PT12M        |SEND
            a wake-up after PersistDuration sends under a new id     |3  |PT1H   |0  |PT2M     |false|PT0S |PT59M |        |2     |count3|false|PT3H         |NEW_ID
            the wake-up's retries keep RetryInterval                 |3  |PT1H   |1  |PT3H     |false|PT2H59M|PT3H58M|      |2     |count3|false|PT3H29.999S  |WAIT PT3H30S
            """)
    void decides(String description, int retries, String persist, int attempts, String lastEnd, boolean delivered,
                 String idTimestamp, String ttl, String deadline, int rounds, String slow, boolean multiHop,
                 String now, String expected) {
        DeliveryTerms terms = new DeliveryTerms(true, true, false, retries, Duration.ofSeconds(30),
                persist == null ? null : Duration.parse(persist));
        RetryFacts facts = new RetryFacts(attempts, at(lastEnd), delivered, terms, at(idTimestamp), at(ttl),
                at(deadline));
        RetryHistory history = new RetryHistory(facts, rounds, T0);

        assertThat(policy.decide(history, new RetryRules(PROFILES.get(slow), multiHop), at(now)))
                .isEqualTo(decision(expected));
    }

    private static Instant at(String offset) {
        return offset == null ? null : T0.plus(Duration.parse(offset));
    }

    private static RetryDecision decision(String text) {
        String[] words = text.split(" ");
        return switch (words[0]) {
            case "SEND" -> new RetryDecision.SendNow();
            case "NEW_ID" -> new RetryDecision.SendUnderNewId();
            case "WAIT" -> new RetryDecision.WaitUntil(at(words[1]));
            case "SLOW" -> new RetryDecision.EnterSlowRetry(at(words[1]), Integer.parseInt(words[2]),
                    Integer.parseInt(words[3]));
            case "MANUAL" -> new RetryDecision.ManualHandling(ManualReason.valueOf(words[1]),
                    Integer.parseInt(words[2]));
            case "EXPIRED" -> new RetryDecision.Expired(ExpiryReason.valueOf(words[1]), at(words[2]));
            default -> throw new IllegalArgumentException(text);
        };
    }
}
