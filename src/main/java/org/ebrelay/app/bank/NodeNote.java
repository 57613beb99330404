package org.ebrelay.app.bank;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a node records for the Message Bank that is not tied to a message: an operator's action through the
 * node's API or CLI (kind {@link #AUDIT}, to the bank's audit log) or a request refused before a message existed
 * (kind {@link #REJECTED_REQUEST}). Shipped with the event log, stored by the bank once per (node, id).
 *
 * @param id         the node's number for it (0 before it is stored)
 * @param actor      AUDIT: who (the API token's name and role, and the operator the caller named)
 * @param action     AUDIT: what, e.g. {@code RESEND}; REJECTED_REQUEST: the HTTP status or fault answered
 * @param subject    AUDIT: the message (its id) or CPA acted on, or null
 * @param detail     AUDIT: the reason and outcome; REJECTED_REQUEST: why it was refused
 * @param remote     REJECTED_REQUEST: the peer's address
 * @param size       REJECTED_REQUEST: the bytes received (or declared), -1 when not known
 * @param firstBytes REJECTED_REQUEST: the first bytes of the body, escaped and capped
 * @param repeats    how many like it this one stands for (a rate-limited flood is counted, not recorded one by one)
 */
public record NodeNote(long id, String kind, Instant at, String actor, String action, String subject, String detail,
                       String remote, long size, String firstBytes, int repeats) {
    public static final String AUDIT = "AUDIT";
    public static final String REJECTED_REQUEST = "REJECTED_REQUEST";

    public NodeNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }

    /** An operator's action. */
    public static NodeNote audit(Instant at, String actor, String action, String subject, String detail) {
        return new NodeNote(0, AUDIT, at, actor, action, subject, detail, null, -1, null, 1);
    }

    /** A refused request (or {@code repeats} of them with the same reason). */
    public static NodeNote rejected(Instant at, String answer, String reason, String remote, long size,
                                    String firstBytes, int repeats) {
        return new NodeNote(0, REJECTED_REQUEST, at, null, answer, null, reason, remote, size, firstBytes, repeats);
    }
}
