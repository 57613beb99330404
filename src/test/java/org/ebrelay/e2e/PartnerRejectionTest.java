package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveries;
import static org.ebrelay.e2e.Observed.eventTypes;

import java.nio.file.Path;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two nodes disagree: the laboratory's copy of the CPA names the hospital under another PartyId. The laboratory
 * answers the hospital's order with a MessageError, and the hospital marks the message FAILED with the partner's
 * error instead of retrying it.
 */
class PartnerRejectionTest {
    @TempDir
    Path root;

    @Test
    void aMessageThePartnerRejectsFailsWithThePartnersErrorAndIsNeitherRetriedNorDelivered() {
        try (TwoNodes nodes = TwoNodes.in(root).labCpa(cpa -> cpa.hospitalPartyIdValue("RGH-9999")).start()) {
            Hl7Messages.Er7 order = Hl7Messages.order();
            SubmissionResult.Accepted accepted = nodes.order(order);

            MessageView failed = awaitOutbound(nodes.hospital(), accepted.messageId(), "FAILED");

            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(eventTypes(failed)).as("%s", failed.events()).contains("PARTNER_ERROR")
                    .doesNotContain("ACKNOWLEDGED", "SEND_FAILED");
            assertThat(failed.events()).filteredOn(e -> e.type().equals("PARTNER_ERROR")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).contains("ValueNotRecognized", "From", DemoCpa.HOSPITAL));
            assertThat(deliveries(nodes.lab(), order.id())).isEmpty();
        }
    }
}
