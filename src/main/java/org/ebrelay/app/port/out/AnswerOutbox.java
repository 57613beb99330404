package org.ebrelay.app.port.out;

import java.time.Instant;

/** Stores a local system's HL7 answer to a delivered message, for sending back to the partner. */
public interface AnswerOutbox {

    /**
     * In one transaction: confirms the delivery (as {@link DeliveryInbox#confirm} does), stores {@code answer} for
     * sending (QUEUED) and notes {@code note} on the delivered message. When the delivery was already confirmed, or
     * is unknown, nothing is stored: the answer to a confirmed delivery went back before.
     */
    ConfirmResult confirmWithAnswer(DeliveryId delivery, Instant at, SubmittedMessage answer, String note);
}
