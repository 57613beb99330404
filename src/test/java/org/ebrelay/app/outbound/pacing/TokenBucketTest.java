package org.ebrelay.app.outbound.pacing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aFullBucketLetsTheBurstGoAtOnceAndThenNothing() {
        TokenBucket bucket = new TokenBucket(10, 3, T0);

        assertThat(bucket.tryTake(T0)).isTrue();
        assertThat(bucket.tryTake(T0)).isTrue();
        assertThat(bucket.tryTake(T0)).isTrue();
        assertThat(bucket.tryTake(T0)).isFalse();
        assertThat(bucket.available(T0)).isZero();
    }

    @Test
    void tokensComeBackAtTheRateAndTheNextOneIsDueAfterOneOverTheRate() {
        TokenBucket bucket = new TokenBucket(10, 1, T0);
        bucket.tryTake(T0);

        assertThat(bucket.nextTokenAt(T0)).isEqualTo(T0.plusMillis(100));
        assertThat(bucket.tryTake(T0.plusMillis(99))).isFalse();
        assertThat(bucket.tryTake(T0.plusMillis(100))).isTrue();
    }

    @Test
    void aLongQuietPeriodFillsTheBucketOnlyUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(100, 5, T0);
        for (int i = 0; i < 5; i++) {
            bucket.tryTake(T0);
        }

        assertThat(bucket.available(T0.plus(Duration.ofHours(1)))).isEqualTo(5);
    }

    @Test
    void overAnySecondNoMoreThanRatePlusBurstTokensAreTaken() {
        TokenBucket bucket = new TokenBucket(20, 5, T0);
        int taken = 0;
        for (Instant t = T0; t.isBefore(T0.plusSeconds(1)); t = t.plusMillis(1)) {
            while (bucket.tryTake(t)) {
                taken++;
            }
        }

        assertThat(taken).isEqualTo(5 + 20 - 1).isLessThanOrEqualTo(20 + 5);
    }

    @Test
    void aRateOfZeroMeansNoLimit() {
        TokenBucket bucket = new TokenBucket(0, 1, T0);
        for (int i = 0; i < 1_000; i++) {
            assertThat(bucket.tryTake(T0)).isTrue();
        }
        assertThat(bucket.nextTokenAt(T0)).isEqualTo(T0);
    }

    @Test
    void aNegativeRateIsRefused() {
        assertThatThrownBy(() -> new TokenBucket(-1, 1, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
