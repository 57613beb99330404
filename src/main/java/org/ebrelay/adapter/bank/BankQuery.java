package org.ebrelay.adapter.bank;

import java.time.Instant;
import java.util.List;

/**
 * A search of banked messages; every criterion null (or empty) matches all.
 *
 * @param messageId  any ebXML MessageId the message has had
 * @param partner    TYPE:VALUE or :VALUE (exact) or VALUE (any type)
 * @param manualOnly the manual-handling queue: outbound MANUAL or FAILED, or not final on a stale node
 */
public record BankQuery(String hl7Id, String messageId, String conversationId, String partner, String cpaId,
                        String service, String action, List<String> states, String node, String direction,
                        Instant since, Instant until, boolean manualOnly) {
    public BankQuery {
        states = states == null ? List.of() : List.copyOf(states);
    }

    public static BankQuery all() {
        return new BankQuery(null, null, null, null, null, null, null, List.of(), null, null, null, null, false);
    }

    public BankQuery manualQueue() {
        return new BankQuery(hl7Id, messageId, conversationId, partner, cpaId, service, action, states, node,
                direction, since, until, true);
    }
}
