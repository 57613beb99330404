package org.ebrelay.app.port.out;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.reliability.InboundState;

/** Messages for the store contract: fixed instants, predictable ids ("out-KEY", "KEY@hospital.example"). */
final class StoreFixtures {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final CpaId CPA = CpaId.of("cpa-hospital-lab");
    static final CpaId OTHER_CPA = CpaId.of("cpa-hospital-pharmacy");
    static final PartyId HOSPITAL = PartyId.of("urn:oid:1.2.3", "HOSPITAL");
    static final PartyId LAB = PartyId.untyped("urn:example:lab");
    static final Service SERVICE = Service.of(null, "urn:example:hl7");
    static final DeliveryTerms TERMS = new DeliveryTerms(true, true, false, 3, Duration.ofSeconds(30),
            Duration.ofHours(1));
    static final Instant TTL = T0.plus(Duration.ofMinutes(55));
    static final NodeId NODE_A = NodeId.of("node-a");
    static final NodeId NODE_B = NodeId.of("node-b");

    private StoreFixtures() {
    }

    static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static MessageId messageId(String key) {
        return MessageId.of(key + "@hospital.example");
    }

    static InternalId outId(String key) {
        return InternalId.of("out-" + key);
    }

    static MessageHeading outboundHeading(String key, String hl7Id) {
        return new MessageHeading(CPA, ConversationId.of("conv-" + key), messageId(key), hl7Id, HOSPITAL, LAB,
                SERVICE, "ORU_R01", T0);
    }

    static SubmittedMessage outbound(String key, Instant due) {
        return outbound(key, due, "HL7-" + key);
    }

    static SubmittedMessage outbound(String key, Instant due, String hl7Id) {
        return new SubmittedMessage(outId(key), outboundHeading(key, hl7Id), TERMS, TTL, null,
                "http://lab.example/ebms", "\"ebXML\"", new WireBytes("multipart/related; boundary=b1",
                bytes("wire of " + key)), T0, due);
    }

    /** A received message addressed to HOSPITAL, with duplicate elimination and one pull delivery. */
    static Received received(String key) {
        return new Received(key);
    }

    /** Builds an {@link InboundRegistration}, changing one thing at a time. */
    static final class Received {
        private final String key;
        private String messageId;
        private CpaId cpa = CPA;
        private String digest = "digest-1";
        private boolean duplicateElimination = true;
        private Instant rememberUntil = T0.plus(Duration.ofHours(1));
        private Instant receivedAt = T0;
        private InboundState state = InboundState.RECEIVED;
        private List<NewDelivery> deliveries;
        private String hl7Id;

        private Received(String key) {
            this.key = key;
            this.messageId = key + "@lab.example";
            this.hl7Id = "HL7-" + key;
            this.deliveries = List.of(new NewDelivery(DeliveryId.of("dlv-" + key), HOSPITAL, null));
        }

        Received messageId(String value) {
            messageId = value;
            return this;
        }

        Received cpa(CpaId value) {
            cpa = value;
            return this;
        }

        Received digest(String value) {
            digest = value;
            return this;
        }

        Received withoutDuplicateElimination() {
            duplicateElimination = false;
            return this;
        }

        Received rememberUntil(Instant value) {
            rememberUntil = value;
            return this;
        }

        Received receivedAt(Instant value) {
            receivedAt = value;
            return this;
        }

        Received rejected() {
            state = InboundState.REJECTED;
            deliveries = List.of();
            return this;
        }

        Received deliveries(NewDelivery... value) {
            deliveries = List.of(value);
            return this;
        }

        Received hl7Id(String value) {
            hl7Id = value;
            return this;
        }

        MessageHeading heading() {
            return new MessageHeading(cpa, ConversationId.of("conv-" + key), MessageId.of(messageId), hl7Id, LAB,
                    HOSPITAL, SERVICE, "ORU_R01", T0);
        }

        WireBytes reply() {
            return new WireBytes("text/xml", bytes((state == InboundState.REJECTED ? "error for " : "ack for ")
                    + messageId));
        }

        InboundRegistration build() {
            DuplicateCheck check = duplicateElimination ? new DuplicateCheck(bytes(digest), rememberUntil) : null;
            return new InboundRegistration(InternalId.of("in-" + key), heading(), receivedAt,
                    new WireBytes("multipart/related; boundary=b2", bytes("received " + key)), state, check, reply(),
                    deliveries, "received from " + LAB);
        }
    }
}
