package org.ebrelay.app.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ebrelay.app.port.out.NoticeKind;

/**
 * One notice to the administrators about one partner, standing for any number of message events.
 *
 * @param partner      whom it is about; null only for {@link Type#CERTIFICATE_EXPIRING}
 * @param since        the start of the period this notice covers (the previous notice about the partner, or its
 *                     first event)
 * @param outageSince  when the current (or, for {@link Type#OUTAGE_ENDED}, the ended) outage began; null if none
 * @param counts       events of the period by kind
 * @param outageTotals events of the whole outage so far by kind (empty when there is no outage)
 * @param examples     a few of the period's events, the first ones of each kind
 */
public record AdminNotice(Type type, Partner partner, Instant at, Instant since, Instant outageSince,
                          Map<NoticeKind, Integer> counts, Map<NoticeKind, Integer> outageTotals,
                          List<Example> examples) {
    public AdminNotice {
        Objects.requireNonNull(type, "type");
        if (type != Type.CERTIFICATE_EXPIRING) {
            Objects.requireNonNull(partner, "partner");
        }
        Objects.requireNonNull(at, "at");
        counts = Map.copyOf(counts);
        outageTotals = Map.copyOf(outageTotals);
        examples = List.copyOf(examples);
    }

    public enum Type {
        /** The partner's messages started failing: the first event of an outage, sent promptly. */
        OUTAGE_STARTED,
        /** The first event of a kind not reported yet (a refusal, a regeneration...), sent promptly. */
        NEW_PROBLEM,
        /** What happened since the previous notice, at most once per digest interval while it lasts. */
        DIGEST,
        /** A message to the partner completed again: the outage is over; totals of the whole outage. */
        OUTAGE_ENDED,
        /**
         * A certificate of the node's own key store (TLS) expires soon: about the node, not one partner (partner
         * null); each example's detail names one certificate.
         */
        CERTIFICATE_EXPIRING,
        /**
         * An ordered conversation from the partner waits for a missing message past the limits (delivery.ordering):
         * later messages are held; the example's detail names the conversation and the missing number.
         */
        ORDER_GAP
    }

    /** One message event shown as an example (kind and messageId null for a certificate). */
    public record Example(NoticeKind kind, String messageId, String hl7Id, String detail, Instant at) {
    }

    /** How many events the period had, all kinds together. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
