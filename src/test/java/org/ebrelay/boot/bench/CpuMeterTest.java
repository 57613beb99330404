package org.ebrelay.boot.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTest {
    @Test
    void aThreadsGroupIsItsNameWithoutTrailingNumbers() {
        assertThat(CpuMeter.group("ebrelay-http-12")).isEqualTo("ebrelay-http");
        assertThat(CpuMeter.group("ebrelay-outcome-hospital-3")).isEqualTo("ebrelay-outcome-hospital");
        assertThat(CpuMeter.group("qtp1234-56")).isEqualTo("qtp");
        assertThat(CpuMeter.group("main")).isEqualTo("main");
        assertThat(CpuMeter.group("42")).isEqualTo("42");
    }

    @Test
    void theDifferenceIsPerGroupLargestFirstWithTheRestOfTheProcessAsOther() {
        CpuMeter.Snapshot before = new CpuMeter.Snapshot(1_000, Map.of("a", 100L, "b", 100L), 0, 0, 0);
        CpuMeter.Snapshot after = new CpuMeter.Snapshot(2_000, Map.of("a", 300L, "b", 600L, "c", 50L), 5, 7, 10);

        Map<String, Long> difference = CpuMeter.difference(before, after);

        assertThat(difference).containsExactly(Map.entry("b", 500L), Map.entry("a", 200L), Map.entry("c", 50L),
                Map.entry("other (GC, JIT, ended threads)", 250L));
    }
}
