package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ebrelay.domain.message.PartyId;

/**
 * The application's notices about its outbound messages, per party they were sent from: listed and confirmed like
 * the inbox, and pushed to a webhook when one applies. At least once; the notice id is stable.
 */
public interface NoticeStore {
    /**
     * Stores a notice, with the message's chain of MessageIds as it is now. A {@link NoticeKind#RETRIES_EXHAUSTED}
     * notice is stored once per message: later retry sequences of slow retry that end the same way add nothing.
     *
     * @return whether it was stored
     */
    boolean record(NewNotice notice);

    /** Notices, oldest first: for {@code party} (every party when null), unconfirmed only unless asked. */
    List<Notice> listNotices(PartyId party, boolean includeConfirmed, int limit);

    Optional<Notice> findNotice(NoticeId id);

    /** Confirms a notice (idempotent): it leaves the unconfirmed listing and is not pushed again. */
    ConfirmResult confirmNotice(NoticeId id, Instant at);

    /** Unconfirmed notices whose push is due at or before {@code now}, oldest due first. */
    List<Notice> dueNoticePushes(Instant now, int limit);

    /** A failed push: one more attempt, the error, the next push time (null: stop pushing, it stays listed). */
    boolean recordNoticePushFailure(NoticeId id, Instant at, Instant nextPushAt, String error);
}
