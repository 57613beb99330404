package org.ebrelay.adapter.soap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireTextTest {
    @ParameterizedTest
    @CsvSource({
            "2026-11-22T09:30:00Z, 2026-11-22T09:30:00.000Z",
            "2026-11-22T09:30:00.1Z, 2026-11-22T09:30:00.100Z",
            "2026-11-22T09:30:00.999999999Z, 2026-11-22T09:30:00.999Z",
            "1969-12-31T23:59:59.5Z, 1969-12-31T23:59:59.500Z",
            "0001-01-01T00:00:00Z, 0001-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59.999Z, 9999-12-31T23:59:59.999Z"})
    void timestampsAreWrittenInUtcWithMilliseconds(String instant, String expected) { // HDR-5
        assertThat(WireText.timestamp(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void aTimestampBeyondFourDigitYearsIsRefused() {
        assertThatThrownBy(() -> WireText.timestamp(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-GB", "NO", "nl-NL", "x-private1", "zh-Hant-TW"})
    void languageTagsAreAccepted(String lang) {
        assertThat(WireText.requireLanguage(lang)).isEqualTo(lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "en US", "en_GB", "-en", "en-", "toolongtag", "1en"})
    void malformedLanguageTagsAreRefused(String lang) {
        assertThatThrownBy(() -> WireText.requireLanguage(lang)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cidHrefsKeepPathCharactersAndPercentEncodeTheRestAsUtf8() { // RFC 2392
        assertThat(WireText.cidHref("hl7-payload.1_a~b@host.example.org")).isEqualTo("cid:hl7-payload.1_a~b@host.example.org");
        assertThat(WireText.cidHref("a+b=c;d/e:f!$&'()*,")).isEqualTo("cid:a+b=c;d/e:f!$&'()*,");
        assertThat(WireText.cidHref("50% <x> \"y\" #z")).isEqualTo("cid:50%25%20%3Cx%3E%20%22y%22%20%23z");
        assertThat(WireText.cidHref("é@x")).isEqualTo("cid:%C3%A9@x");
    }
}
