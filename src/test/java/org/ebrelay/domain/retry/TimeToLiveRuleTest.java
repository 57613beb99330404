package org.ebrelay.domain.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ebms2-digest §13.3 last paragraph and HDR-7: TimeToLive = Timestamp + PersistDuration - safety margin. */
class TimeToLiveRuleTest {
    private static final Instant TIMESTAMP = Instant.parse("2026-03-02T08:00:00Z");

    @ParameterizedTest(name = "margin {0}, PersistDuration {1}: TimeToLive at +{2}")
    @CsvSource({
            "PT5M, P1D,   PT23H55M",
            "PT5M, PT50M, PT45M",
            "PT5M, PT49M, PT44M6S",
            "PT5M, PT8S,  PT7.2S",
            "PT0S, PT1H,  PT1H",
            "PT1S, PT1H,  PT59M59S",
    })
    void subtractsTheMarginCappedAtATenthOfPersistDuration(String margin, String persist, String expected) {
        TimeToLiveRule rule = new TimeToLiveRule(Duration.parse(margin));

        assertThat(rule.timeToLive(TIMESTAMP, Duration.parse(persist)))
                .contains(TIMESTAMP.plus(Duration.parse(expected)));
    }

    @Test
    void theDefaultMarginIsFiveMinutes() {
        assertThat(new TimeToLiveRule().timeToLive(TIMESTAMP, Duration.ofDays(1)))
                .contains(Instant.parse("2026-03-03T07:55:00Z"));
    }

    @Test
    void withoutPersistDurationTheMessageCarriesNoTimeToLive() {
        assertThat(new TimeToLiveRule().timeToLive(TIMESTAMP, null)).isEmpty();
    }

    @Test
    void aNegativeMarginIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TimeToLiveRule(Duration.ofSeconds(-1)));
    }
}
