package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.ebrelay.app.port.in.DeliveryView;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.boot.Gateway;

/** What the tests look at on a node: a message's status, the inbox, and waiting (bounded) for them to change. */
final class Observed {
    /** Generous for a loaded 2-core machine, bounded so a broken gateway fails instead of hanging. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Observed() {
    }

    static ConditionFactory eventually() {
        return eventually(PATIENCE);
    }

    static ConditionFactory eventually(Duration atMost) {
        return await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100));
    }

    /** The one message a node knows in this direction under this (ebXML or HL7) id. */
    static MessageView message(Gateway node, String direction, String id) {
        List<MessageView> found = node.query().find(id).stream()
                .filter(m -> m.direction().equals(direction)).toList();
        assertThat(found).as("%s messages known as %s", direction, id).hasSize(1);
        return found.get(0);
    }

    static MessageView outbound(Gateway node, String id) {
        return message(node, "OUTBOUND", id);
    }

    static MessageView inbound(Gateway node, String id) {
        return message(node, "INBOUND", id);
    }

    /** Waits until the outbound message is in {@code state}; returns it as it was then. */
    static MessageView awaitOutbound(Gateway node, String id, String state) {
        return awaitOutbound(node, id, state, PATIENCE);
    }

    static MessageView awaitOutbound(Gateway node, String id, String state, Duration atMost) {
        return eventually(atMost).until(() -> outboundOrNull(node, id),
                m -> m != null && m.state().equals(state));
    }

    private static MessageView outboundOrNull(Gateway node, String id) {
        return node.query().find(id).stream().filter(m -> m.direction().equals("OUTBOUND")).findFirst()
                .orElse(null);
    }

    /** Every delivery (confirmed or not) of the message with this HL7 id in the node's inbox. */
    static List<DeliveryView> deliveries(Gateway node, String hl7Id) {
        return node.inbox().list(null, true).stream().filter(d -> hl7Id.equals(d.hl7MessageId())).toList();
    }

    /**
     * Asserts the node's application got this message exactly once, byte for byte, and returns that delivery. Call
     * it once the sender saw the message COMPLETE: no attempt is under way any more, so a second delivery would
     * already be there.
     */
    static DeliveryView deliveredOnce(Gateway node, Hl7Messages.Er7 message) {
        List<DeliveryView> found = deliveries(node, message.id());
        assertThat(found).as("deliveries of %s", message.id()).hasSize(1);
        DeliveryView full = node.inbox().get(found.get(0).deliveryId());
        assertThat(full.payloads()).hasSize(1);
        assertThat(full.payloads().get(0).content()).as("payload of %s", message.id()).isEqualTo(message.bytes());
        return full;
    }

    /** The event types of a message, oldest first. */
    static List<String> eventTypes(MessageView message) {
        return message.events().stream().map(MessageView.Event::type).toList();
    }
}
