package org.ebrelay.adapter.cpa;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HumanDurationTest {
    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "PT0S     | 0 s",
            "PT30S    | 30 s",
            "PT5M     | 5 min",
            "PT90S    | 1 min 30 s",
            "PT1H     | 1 h",
            "P1D      | 1 day",
            "P2DT12H  | 2 days 12 h",
            "PT0.25S  | 250 ms",
            "-PT30S   | -30 s"})
    void durationsReadTheWayAnAdministratorWritesThem(String iso, String expected) {
        assertThat(HumanDuration.format(Duration.parse(iso))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "xsd {0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "PT30S      | PT30S",
            "P1D        | PT24H",
            "P1Y        | PT8760H",
            "P1M        | PT720H",
            "-PT5M      | PT-5M",
            "PT1.5S     | PT1.5S"})
    void xsdDurationsBecomeJavaDurations(String xsd, String expected) {
        assertThat(CpaValues.duration(xsd)).hasValue(Duration.parse(expected));
    }
}
