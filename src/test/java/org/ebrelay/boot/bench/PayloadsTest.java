package org.ebrelay.boot.bench;

import org.ebrelay.adapter.hl7.Hl7MessageIds;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadsTest {
    private final Payloads payloads = new Payloads("TAG", 2048, Instant.parse("2026-11-21T10:30:00Z"));

    @Test
    void eachPayloadCarriesItsOwnHl7IdAsMsh10() {
        Hl7MessageIds ids = new Hl7MessageIds();

        assertThat(ids.extract("application/hl7-v2", payloads.payload(0))).contains(payloads.hl7Id(0));
        assertThat(ids.extract("application/hl7-v2", payloads.payload(12345))).contains("BTAG-000012345");
        assertThat(payloads.payload(7)).hasSize(2048);
    }

    @Test
    void anHl7IdOfThisRunGivesBackItsNumber() {
        assertThat(payloads.indexOf(payloads.hl7Id(0))).isZero();
        assertThat(payloads.indexOf(payloads.hl7Id(19999))).isEqualTo(19999);
    }

    @Test
    void otherIdsAreNotThisRuns() {
        assertThat(payloads.indexOf(null)).isEqualTo(-1);
        assertThat(payloads.indexOf("BOTHER-000000001")).isEqualTo(-1);
        assertThat(payloads.indexOf("BTAG-00000001")).isEqualTo(-1);
        assertThat(payloads.indexOf("BTAG-00000000x")).isEqualTo(-1);
    }
}
