package org.ebrelay.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidIdGeneratorTest {

    @Test
    void makesVersion7UuidsWithTheVariantOfRfc9562() {
        UUID id = UUID.fromString(new UuidIdGenerator("n", Clock.systemUTC()).newInternalId().value());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void carriesTheMillisecondsInItsFirst48Bits() {
        Instant at = Instant.parse("2026-11-22T03:45:00.123Z");
        UUID id = UUID.fromString(new UuidIdGenerator("n", Clock.fixed(at, ZoneOffset.UTC)).newInternalId().value());

        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void idsOfALaterMillisecondSortAfterEarlierOnesAsText() {
        String earlier = UuidIdGenerator.version7(1_000, -1, -1).toString();
        String later = UuidIdGenerator.version7(1_001, 0, 0).toString();

        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void idsOfTheSameMillisecondStayDistinct() {
        UuidIdGenerator ids = new UuidIdGenerator("rgh.test", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.newMessageId().value());
        }

        assertThat(seen).hasSize(10_000).allMatch(id -> id.endsWith("@rgh.test"));
    }
}
