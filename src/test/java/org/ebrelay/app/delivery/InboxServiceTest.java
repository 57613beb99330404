package org.ebrelay.app.delivery;

import org.ebrelay.app.TestClock;
import org.ebrelay.app.TestStore;
import org.ebrelay.app.port.in.DeliveryView;
import org.ebrelay.app.port.in.Inbox;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.reliability.InboundState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ebrelay.app.ServiceFixtures.CODEC;
import static org.ebrelay.app.ServiceFixtures.HOSPITAL;
import static org.ebrelay.app.ServiceFixtures.LAB;
import static org.ebrelay.app.ServiceFixtures.T0;
import static org.ebrelay.app.ServiceFixtures.hl7;
import static org.ebrelay.app.ServiceFixtures.received;
import static org.ebrelay.app.ServiceFixtures.userMessage;

/** The pull inbox over the real store, payloads read back from wire bytes the real codec encoded. */
class InboxServiceTest {
    private static final byte[] PDF = binary();

    @TempDir
    static Path dataDir;
    private static TestStore testStore;
    private static MessageStore store;
    private final TestClock clock = new TestClock(T0.plusSeconds(100));
    private final InboxService inbox = new InboxService(store, CODEC, clock);

    @BeforeAll
    static void open() {
        testStore = new TestStore(dataDir);
        store = testStore.store();
    }

    @AfterAll
    static void close() {
        testStore.close();
    }

    @BeforeEach
    void twoReceivedMessages() {
        testStore.empty();
        // the report's PDF comes first in the Manifest, the HL7 result second
        EbmsMessage result = userMessage("r1@nrl.example", LAB, HOSPITAL, "ORU_R01", T0,
                new Payload("report@nrl.example", "application/pdf", PDF), hl7("hl7@nrl.example", "HL7-1"));
        store.register(received("in-1", result, "HL7-1", T0.plusSeconds(1),
                new NewDelivery(DeliveryId.of("dlv-1"), HOSPITAL, null)));
        EbmsMessage order = userMessage("o1@rgh.example", HOSPITAL, LAB, "OML_O21", T0,
                hl7("order@rgh.example", "HL7-2"));
        store.register(received("in-2", order, "HL7-2", T0.plusSeconds(2),
                new NewDelivery(DeliveryId.of("dlv-2"), LAB, null)));
    }

    private static byte[] binary() {
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Test
    void aListingShowsUnconfirmedDeliveriesOldestFirstWithPayloadsButNoContent() {
        List<DeliveryView> listed = inbox.list(null, false);

        assertThat(listed).extracting(DeliveryView::deliveryId).containsExactly("dlv-1", "dlv-2");
        DeliveryView first = listed.get(0);
        assertThat(first.messageId()).isEqualTo("r1@nrl.example");
        assertThat(first.hl7MessageId()).isEqualTo("HL7-1");
        assertThat(first.cpaId()).isEqualTo("urn:ebrelay:demo:cpa:hospital-lab:1");
        assertThat(first.from()).isEqualTo("urn:oid:2.16.840.1.113883.19.5:NRL-0042");
        assertThat(first.to()).isEqualTo("urn:oid:2.16.840.1.113883.19.5:RGH-0001");
        assertThat(first.service()).isEqualTo("urn:example:services:hl7v2:laboratory");
        assertThat(first.action()).isEqualTo("ORU_R01");
        assertThat(first.receivedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(first.confirmed()).isFalse();
        assertThat(first.payloads()).extracting(DeliveryView.PayloadView::contentId)
                .containsExactly("report@nrl.example", "hl7@nrl.example");
        assertThat(first.payloads()).extracting(DeliveryView.PayloadView::contentType)
                .containsExactly("application/pdf", "application/hl7-v2");
        assertThat(first.payloads().get(0).size()).isEqualTo(300);
        assertThat(first.payloads()).allSatisfy(p -> assertThat(p.content()).isNull());
    }

    @Test
    void aListingForOnePartyShowsOnlyItsDeliveries() {
        assertThat(inbox.list("urn:oid:2.16.840.1.113883.19.5:RGH-0001", false))
                .extracting(DeliveryView::deliveryId).containsExactly("dlv-1");
        assertThat(inbox.list("urn:oid:2.16.840.1.113883.19.5:NRL-0042", false))
                .extracting(DeliveryView::deliveryId).containsExactly("dlv-2");
        assertThat(inbox.list(":urn:example:nobody", false)).isEmpty();
    }

    @Test
    void oneDeliveryComesWithItsPayloadContentInManifestOrder() {
        DeliveryView delivery = inbox.get("dlv-1");

        assertThat(delivery.deliveryId()).isEqualTo("dlv-1");
        assertThat(delivery.messageId()).isEqualTo("r1@nrl.example");
        assertThat(delivery.payloads()).hasSize(2);
        DeliveryView.PayloadView report = delivery.payloads().get(0);
        assertThat(report.contentId()).isEqualTo("report@nrl.example");
        assertThat(report.contentType()).isEqualTo("application/pdf");
        assertThat(report.size()).isEqualTo(300);
        assertThat(report.content()).isEqualTo(PDF);
        DeliveryView.PayloadView result = delivery.payloads().get(1);
        assertThat(result.contentId()).isEqualTo("hl7@nrl.example");
        assertThat(new String(result.content(), StandardCharsets.UTF_8))
                .startsWith("MSH|^~\\&|LAB|NRL|").contains("|HL7-1|");
        assertThat(result.size()).isEqualTo(result.content().length);
    }

    @Test
    void anUnknownOrBlankDeliveryIdIsNotFound() {
        assertThat(inbox.get("dlv-none")).isNull();
        assertThat(inbox.get(" ")).isNull();
        assertThat(inbox.get(null)).isNull();
        assertThat(inbox.confirm("dlv-none")).isEqualTo(Inbox.ConfirmResult.NOT_FOUND);
        assertThat(inbox.confirm("")).isEqualTo(Inbox.ConfirmResult.NOT_FOUND);
    }

    @Test
    void confirmingIsIdempotentAndMovesTheMessageToDelivered() {
        clock.advance(Duration.ofSeconds(5));

        assertThat(inbox.confirm("dlv-1")).isEqualTo(Inbox.ConfirmResult.CONFIRMED);
        assertThat(inbox.confirm("dlv-1")).isEqualTo(Inbox.ConfirmResult.ALREADY_CONFIRMED);

        assertThat(inbox.list(null, false)).extracting(DeliveryView::deliveryId).containsExactly("dlv-2");
        assertThat(inbox.list(null, true)).extracting(DeliveryView::deliveryId, DeliveryView::confirmed)
                .containsExactly(tuple("dlv-1", true),
                        tuple("dlv-2", false));
        assertThat(inbox.get("dlv-1").confirmed()).isTrue();
        var stored = store.findByMessageId(MessageId.of("r1@nrl.example")).get(0);
        assertThat(stored.summary().state()).isEqualTo(InboundState.DELIVERED);
        assertThat(stored.events().get(stored.events().size() - 1).time()).isEqualTo(T0.plusSeconds(105));
    }
}
