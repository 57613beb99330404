package org.ebrelay.app.delivery;

import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.Service;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookRoutingTest {
    private static final CpaId CPA = CpaId.of("cpa-1");
    private static final Service HL7 = Service.of("urn:example:service-type:hl7v2", "urn:example:hl7");
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private static Webhook webhook(String cpaId, String service, String action, String url) {
        return new Webhook(cpaId, service, action, URI.create(url), 3, Duration.ofSeconds(10));
    }

    @Test
    void eachFilterThatIsSetMustMatchAndTheServiceIsComparedByValue() {
        Webhook filtered = webhook("cpa-1", "urn:example:hl7", "ORU_R01", "http://app/results");

        assertThat(filtered.matches(CPA, HL7, "ORU_R01")).isTrue();
        assertThat(filtered.matches(CPA, Service.of(null, "urn:example:hl7"), "ORU_R01")).isTrue();
        assertThat(filtered.matches(CpaId.of("cpa-2"), HL7, "ORU_R01")).isFalse();
        assertThat(filtered.matches(CPA, Service.of(null, "urn:example:other"), "ORU_R01")).isFalse();
        assertThat(filtered.matches(CPA, HL7, "OML_O21")).isFalse();
        assertThat(webhook(null, null, null, "http://app/all").matches(CpaId.of("any"), HL7, "ANY")).isTrue();
    }

    @Test
    void theFirstMatchingWebhookWinsAndWithoutOneAMessageIsPullOnly() {
        WebhookRouting routing = new WebhookRouting(List.of(
                webhook(null, null, "ORU_R01", "http://app/results"),
                webhook("cpa-1", null, null, "http://app/cpa-1")));

        assertThat(routing.find(CPA, HL7, "ORU_R01")).get().extracting(Webhook::url)
                .isEqualTo(URI.create("http://app/results"));
        assertThat(routing.find(CPA, HL7, "OML_O21")).get().extracting(Webhook::url)
                .isEqualTo(URI.create("http://app/cpa-1"));
        assertThat(routing.applies(CpaId.of("cpa-2"), HL7, "OML_O21")).isFalse();
        assertThat(routing.firstPushAt(CPA, HL7, "ORU_R01", NOW)).isEqualTo(NOW);
        assertThat(routing.firstPushAt(CpaId.of("cpa-2"), HL7, "OML_O21", NOW)).isNull();
        assertThat(WebhookRouting.none().applies(CPA, HL7, "ORU_R01")).isFalse();
    }

    @Test
    void aWebhookNeedsAnAbsoluteUrlAndNoNegativeRetries() {
        assertThatIllegalArgumentException().isThrownBy(() -> webhook(null, null, null, "/relative"));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Webhook(null, null, null, URI.create("http://app/"), -1, Duration.ofSeconds(1)));
    }
}
