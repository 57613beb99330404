package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ebrelay.domain.reliability.InboundState;

/**
 * A received message to store, with the reply we are about to send for it, in one transaction (RM-R3: the
 * Acknowledgment goes out only after this commit).
 *
 * @param state          RECEIVED, or REJECTED for a message refused with an ebXML error (then no deliveries)
 * @param duplicateCheck how to eliminate duplicates, or null when the message carries no DuplicateElimination
 * @param reply          the Acknowledgment (or error) we answer with, replayed for a duplicate; null when none
 * @param deliveries     one per party we act for that the message is addressed to
 * @param detail         text for the RECEIVED or REJECTED event
 * @param hl7Check       HL7-level duplicate protection, or null (also ignored when the heading has no HL7 id or the
 *                       message is REJECTED)
 * @param cpaVersion     the stored version of its CPA it was checked against, or null when unknown (no CPA matched)
 */
public record InboundRegistration(InternalId id, MessageHeading heading, Instant receivedAt, WireBytes wire,
                                  InboundState state, DuplicateCheck duplicateCheck, WireBytes reply,
                                  List<NewDelivery> deliveries, String detail, Hl7DuplicateCheck hl7Check,
                                  Integer cpaVersion) {
    public InboundRegistration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(state, "state");
        deliveries = List.copyOf(deliveries);
        if (state == InboundState.DELIVERED) {
            throw new IllegalArgumentException("a received message starts RECEIVED, REJECTED or DUPLICATE");
        }
        if (state != InboundState.RECEIVED && !deliveries.isEmpty()) {
            throw new IllegalArgumentException("a " + state + " message is not delivered");
        }
    }

    /** Without a known CPA version. */
    public InboundRegistration(InternalId id, MessageHeading heading, Instant receivedAt, WireBytes wire,
                               InboundState state, DuplicateCheck duplicateCheck, WireBytes reply,
                               List<NewDelivery> deliveries, String detail, Hl7DuplicateCheck hl7Check) {
        this(id, heading, receivedAt, wire, state, duplicateCheck, reply, deliveries, detail, hl7Check, null);
    }

    /** Without HL7-level duplicate protection. */
    public InboundRegistration(InternalId id, MessageHeading heading, Instant receivedAt, WireBytes wire,
                               InboundState state, DuplicateCheck duplicateCheck, WireBytes reply,
                               List<NewDelivery> deliveries, String detail) {
        this(id, heading, receivedAt, wire, state, duplicateCheck, reply, deliveries, detail, null, null);
    }

    /** Whether the HL7-level check applies: asked for, an HL7 id to check, and a message to deliver. */
    public boolean checksHl7Id() {
        return hl7Check != null && heading.hl7Id() != null && state == InboundState.RECEIVED;
    }

    /** This registration as the HL7 duplicate it turned out to be: DUPLICATE, no deliveries. */
    public InboundRegistration asHl7Duplicate(String why) {
        return new InboundRegistration(id, heading, receivedAt, wire, InboundState.DUPLICATE, duplicateCheck, reply,
                List.of(), why, null, cpaVersion);
    }
}
