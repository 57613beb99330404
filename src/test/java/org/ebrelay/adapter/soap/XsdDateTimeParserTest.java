package org.ebrelay.adapter.soap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class XsdDateTimeParserTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2012-03-15T06:51:08Z, 2012-03-15T06:51:08Z",
            "2008-07-21T15:26:52.075+08:00, 2008-07-21T07:26:52.075Z",
            "2013-10-24T15:08:07, 2013-10-24T15:08:07Z",
            "2025-01-24T10:42:58.7250721Z, 2025-01-24T10:42:58.7250721Z",
            "2026-11-22T00:07:38.406+00:00, 2026-11-22T00:07:38.406Z",
            "2026-01-01T00:30:00-02:30, 2026-01-01T03:00:00Z",
            "' 2026-01-01T00:00:00Z\n', 2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00.1234567891234Z, 2026-01-01T00:00:00.123456789Z"
    })
    void readsAnyXsdDateTimeAsUtc(String text, String utc) {
        assertThat(XsdDateTimeParser.parse(text)).isEqualTo(Instant.parse(utc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-01-01", "2026-01-01T00:00Z", "2026-13-01T00:00:00Z",
            "2026-01-01T25:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00+0100"})
    void returnsNullForWhatIsNotAnXsdDateTime(String text) {
        assertThat(XsdDateTimeParser.parse(text)).isNull();
    }
}
