package org.ebrelay.app.delivery;

import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.DeliveryView;
import org.ebrelay.app.port.in.Inbox;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.DeliveryInbox;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.Payload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The application's pull inbox over the store. Listings show each payload's id, type and size; {@link #get} adds
 * the content. Payloads are read from the message's stored wire bytes, so the inbox shows exactly what arrived.
 */
public final class InboxService implements Inbox {
    /** At most this many deliveries per listing, oldest first; confirming some lets the next ones show. */
    public static final int LIST_LIMIT = 1000;

    private static final Logger log = LoggerFactory.getLogger(InboxService.class);

    private final DeliveryInbox inbox;
    private final StoredPayloads payloads;
    private final Clock clock;

    public InboxService(DeliveryInbox inbox, MessageCodec codec, Clock clock) {
        this.inbox = inbox;
        this.payloads = new StoredPayloads(codec);
        this.clock = clock;
    }

    /**
     * @param party {@code TYPE:VALUE} (see {@link PartyIds}) or null for every party this node acts for
     * @throws IllegalArgumentException when {@code party} is not a PartyId's text form
     */
    @Override
    public List<DeliveryView> list(String party, boolean includeConfirmed) {
        return inbox.listDeliveries(PartyIds.parseOptional(party), includeConfirmed, LIST_LIMIT).stream()
                .map(d -> view(d, false)).toList();
    }

    @Override
    public DeliveryView get(String deliveryId) {
        return deliveryId(deliveryId).flatMap(inbox::findDelivery).map(d -> view(d, true)).orElse(null);
    }

    @Override
    public ConfirmResult confirm(String deliveryId) {
        Optional<DeliveryId> id = deliveryId(deliveryId);
        if (id.isEmpty()) {
            return ConfirmResult.NOT_FOUND;
        }
        return switch (inbox.confirm(id.get(), clock.instant())) {
            case CONFIRMED -> ConfirmResult.CONFIRMED;
            case ALREADY_CONFIRMED -> ConfirmResult.ALREADY_CONFIRMED;
            case UNKNOWN_DELIVERY -> ConfirmResult.NOT_FOUND;
        };
    }

    private static Optional<DeliveryId> deliveryId(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(DeliveryId.of(text.strip()));
    }

    private DeliveryView view(Delivery delivery, boolean withContent) {
        MessageHeading heading = delivery.heading();
        List<DeliveryView.PayloadView> views = payloads.of(delivery.wire())
                .map(list -> list.stream().map(p -> payloadView(p, withContent)).toList())
                .orElseGet(() -> {
                    log.error("the stored message of delivery {} ({}) no longer decodes; showing no payloads",
                            delivery.id(), heading.messageId());
                    return List.of();
                });
        return new DeliveryView(delivery.id().value(), heading.messageId().value(), heading.hl7Id(),
                heading.cpaId().value(), PartyIds.format(heading.from()), PartyIds.format(heading.to()),
                heading.service().value(), heading.action(), delivery.receivedAt(), delivery.confirmed(), views);
    }

    private static DeliveryView.PayloadView payloadView(Payload payload, boolean withContent) {
        return new DeliveryView.PayloadView(payload.contentId(), payload.contentType(), payload.size(),
                withContent ? payload.content() : null);
    }
}
