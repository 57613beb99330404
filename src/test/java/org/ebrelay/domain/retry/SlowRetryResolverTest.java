package org.ebrelay.domain.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slow-retry settings: the interval sequence, and defaults overridden per CPA, service/action and partner. */
class SlowRetryResolverTest {
    private static final SlowRetrySettings DEFAULTS = new SlowRetrySettings(true, Duration.ofMinutes(15), 2.0,
            Duration.ofHours(4), null, Duration.ofDays(5));
    private static final RouteKey ORDER_TO_LAB = new RouteKey("cpa-1", "lab", "OML_O21", "urn:oid:1.2", "NRL-0042");

    @ParameterizedTest(name = "wake-up {0} comes {1} after the previous sequence")
    @CsvSource({"1, PT15M", "2, PT30M", "3, PT1H", "4, PT2H", "5, PT4H", "6, PT4H", "40, PT4H"})
    void intervalsGrowByTheMultiplierUpToTheMaximum(int round, String interval) {
        assertThat(DEFAULTS.intervalBefore(round)).isEqualTo(Duration.parse(interval));
    }

    @Test
    void aFractionalMultiplierRoundsToTheMillisecond() {
        SlowRetrySettings settings = new SlowRetrySettings(true, Duration.ofSeconds(2), 1.5, Duration.ofMinutes(1),
                10, null);

        assertThat(settings.intervalBefore(3)).isEqualTo(Duration.ofMillis(4_500));
    }

    @Test
    void enabledSlowRetryNeedsALimitByCountOrAge() {
        assertThatThrownBy(() -> new SlowRetrySettings(true, Duration.ofMinutes(1), 2, Duration.ofHours(1), 0,
                Duration.ZERO)).hasMessageContaining("needs a limit");
        assertThat(new SlowRetrySettings(false, Duration.ofMinutes(1), 2, Duration.ofHours(1), null, null)
                .enabled()).isFalse();
        assertThatThrownBy(() -> new SlowRetrySettings(true, Duration.ofMinutes(1), 0.5, Duration.ofHours(1), 3,
                null)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new SlowRetrySettings(true, Duration.ofHours(2), 2, Duration.ofHours(1), 3,
                null)).hasMessageContaining("maxInterval");
    }

    @Test
    void withoutOverridesEveryRouteGetsTheDefaults() {
        RetryRules rules = SlowRetryResolver.of(DEFAULTS).rulesFor(ORDER_TO_LAB, false);

        assertThat(rules).isEqualTo(new RetryRules(DEFAULTS, false));
    }

    @Test
    void theMostSpecificOverrideWinsKeyByKey() {
        SlowRetryResolver resolver = new SlowRetryResolver(DEFAULTS, List.of(
                override(null, null, null, "urn:oid:1.2:NRL-0042", Duration.ofMinutes(1), null),
                override("cpa-1", null, null, null, Duration.ofMinutes(5), 7),
                override("cpa-1", "lab", "OML_O21", null, Duration.ofMinutes(3), null)), List.of());

        SlowRetrySettings settings = resolver.rulesFor(ORDER_TO_LAB, false).slowRetry();

        assertThat(settings.firstInterval()).as("the partner's beats the action's and the CPA's")
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.maxAttempts()).as("inherited from the CPA's, the only one to set it").isEqualTo(7);
        assertThat(settings.maxAge()).as("inherited from the defaults").isEqualTo(Duration.ofDays(5));
    }

    @Test
    void anOverrideForAnotherRouteDoesNotApply() {
        SlowRetryResolver resolver = new SlowRetryResolver(DEFAULTS, List.of(
                override("cpa-2", null, null, null, Duration.ofMinutes(1), null),
                override(null, null, "ORU_R01", null, Duration.ofMinutes(2), null),
                override(null, null, null, "OTHER", Duration.ofMinutes(3), null)), List.of());

        assertThat(resolver.rulesFor(ORDER_TO_LAB, false).slowRetry()).isEqualTo(DEFAULTS);
    }

    @Test
    void slowRetryCanBeSwitchedOffForOnePartnerByItsValueAlone() {
        SlowRetryResolver resolver = new SlowRetryResolver(DEFAULTS, List.of(new SlowRetryOverride(null, null, null,
                "NRL-0042", false, null, null, null, null, null)), List.of());

        assertThat(resolver.rulesFor(ORDER_TO_LAB, false).slowRetry().enabled()).isFalse();
    }

    @Test
    void aRouteIsMultiHopWhenTheCpaSaysSoOrTheConfigurationNamesIt() {
        SlowRetryResolver configured = new SlowRetryResolver(DEFAULTS, List.of(),
                List.of(new MultiHopRoute("cpa-1", "urn:oid:1.2:NRL-0042")));
        SlowRetryResolver other = new SlowRetryResolver(DEFAULTS, List.of(), List.of(new MultiHopRoute("cpa-2", null)));

        assertThat(configured.rulesFor(ORDER_TO_LAB, false).multiHop()).isTrue();
        assertThat(other.rulesFor(ORDER_TO_LAB, false).multiHop()).isFalse();
        assertThat(other.rulesFor(ORDER_TO_LAB, true).multiHop()).as("recognised from the CPA").isTrue();
    }

    @Test
    void anOverrideThatMakesInvalidSettingsIsRefusedAtOnce() {
        assertThatThrownBy(() -> new SlowRetryResolver(DEFAULTS, List.of(
                override("cpa-1", null, null, null, Duration.ofHours(5), null)), List.of()))
                .hasMessageContaining("maxInterval");
    }

    private static SlowRetryOverride override(String cpa, String service, String action, String party,
                                              Duration first, Integer maxAttempts) {
        return new SlowRetryOverride(cpa, service, action, party, null, first, null, null, maxAttempts, null);
    }
}
