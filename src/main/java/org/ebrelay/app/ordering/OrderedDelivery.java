package org.ebrelay.app.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.ebrelay.app.notify.AdminNotice;
import org.ebrelay.app.notify.Partner;
import org.ebrelay.app.port.out.InboundRegistration;
import org.ebrelay.app.port.out.OrderGap;
import org.ebrelay.app.port.out.OrderedDeliveries;
import org.ebrelay.app.port.out.RegistrationResult;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver's ordered delivery (eb:MessageOrder, issue 8): registers ordered messages so that their deliveries go
 * out strictly in SequenceNumber order, tells the administrators about a gap held past the limits, and gives
 * operators the list of waiting conversations and a way to skip a gap that never fills.
 */
public final class OrderedDelivery {
    private static final Logger log = LoggerFactory.getLogger(OrderedDelivery.class);
    /** Conversations listed (and reported per sweep) at most. */
    public static final int LIST_LIMIT = 1000;

    private final OrderedDeliveries store;
    private final OrderingLimits limits;
    private final Consumer<AdminNotice> administrators;
    private final Clock clock;

    public OrderedDelivery(OrderedDeliveries store, OrderingLimits limits, Consumer<AdminNotice> administrators,
                           Clock clock) {
        this.store = store;
        this.limits = limits;
        this.administrators = administrators;
        this.clock = clock;
    }

    /** Stores the message (one transaction) holding or releasing its deliveries; tells about a gap over the limit. */
    public RegistrationResult register(InboundRegistration registration, MessageOrder order) {
        OrderedDeliveries.OrderedRegistration done = store.register(registration, order,
                limits.maxHeldPerConversation());
        if (done.reported() != null) {
            report(done.reported(), "more than " + limits.maxHeldPerConversation() + " messages held");
        }
        return done.result();
    }

    /** Reports every gap whose oldest held message waited longer than the limit (once per gap). */
    public int reportOverdueGaps() {
        Instant now = clock.instant();
        List<OrderGap> gaps = store.reportOverdue(now.minus(limits.maxGapWait()), now);
        gaps.forEach(gap -> report(gap, "held longer than " + limits.maxGapWait()));
        return gaps.size();
    }

    /** Conversations holding messages, longest waiting first. */
    public List<OrderGap> held() {
        return store.held(LIST_LIMIT);
    }

    /** The operator's skip (audited by an event naming them); empty when the conversation holds nothing. */
    public Optional<OrderedDeliveries.GapSkip> skipGap(CpaId cpaId, ConversationId conversationId, String operator) {
        Optional<OrderedDeliveries.GapSkip> skip = store.skipGap(cpaId, conversationId, operator, clock.instant());
        skip.ifPresent(s -> log.warn("operator {} skipped sequence {}..{} of conversation {} (CPA {}); released {}",
                operator, s.skippedFrom(), s.skippedTo(), conversationId.value(), cpaId.value(), s.released()));
        return skip;
    }

    private void report(OrderGap gap, String why) {
        Instant now = clock.instant();
        log.warn("ordered delivery waits ({}): {}", why, gap.describe());
        administrators.accept(new AdminNotice(AdminNotice.Type.ORDER_GAP, new Partner(gap.cpaId(), gap.from()), now,
                now, null, Map.of(), Map.of(), List.of(new AdminNotice.Example(null, gap.inFlight(), null,
                why + ": " + gap.describe(), now))));
    }
}
