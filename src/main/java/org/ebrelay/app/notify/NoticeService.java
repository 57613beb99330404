package org.ebrelay.app.notify;

import java.time.Clock;
import java.util.List;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.Inbox;
import org.ebrelay.app.port.in.NoticeView;
import org.ebrelay.app.port.in.Notices;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.Notice;
import org.ebrelay.app.port.out.NoticeId;
import org.ebrelay.app.port.out.NoticeStore;

/** The application's notices over the store: listed per party, oldest first, and confirmed. */
public final class NoticeService implements Notices {
    /** At most this many notices per listing; confirming some lets the next ones show. */
    public static final int LIST_LIMIT = 1000;

    private final NoticeStore store;
    private final Clock clock;

    public NoticeService(NoticeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when {@code party} is not a PartyId's text form */
    @Override
    public List<NoticeView> list(String party, boolean includeConfirmed) {
        return store.listNotices(PartyIds.parseOptional(party), includeConfirmed, LIST_LIMIT).stream()
                .map(NoticeService::view).toList();
    }

    @Override
    public NoticeView get(String noticeId) {
        if (noticeId == null || noticeId.isBlank()) {
            return null;
        }
        return store.findNotice(NoticeId.of(noticeId.strip())).map(NoticeService::view).orElse(null);
    }

    @Override
    public Inbox.ConfirmResult confirm(String noticeId) {
        if (noticeId == null || noticeId.isBlank()) {
            return Inbox.ConfirmResult.NOT_FOUND;
        }
        return switch (store.confirmNotice(NoticeId.of(noticeId.strip()), clock.instant())) {
            case CONFIRMED -> Inbox.ConfirmResult.CONFIRMED;
            case ALREADY_CONFIRMED -> Inbox.ConfirmResult.ALREADY_CONFIRMED;
            case UNKNOWN_DELIVERY -> Inbox.ConfirmResult.NOT_FOUND;
        };
    }

    static NoticeView view(Notice n) {
        MessageHeading h = n.heading();
        return new NoticeView(n.id().value(), n.kind().name(), h.messageId().value(), n.messageIds(),
                n.previousId() == null ? null : n.previousId().value(), h.hl7Id(), h.cpaId().value(),
                PartyIds.format(h.from()), PartyIds.format(h.to()), h.service().value(), h.action(), n.detail(),
                n.nextAttemptAt(), n.createdAt(), n.confirmed());
    }
}
