package org.ebrelay.app.port.in;

import java.util.List;

/**
 * The application's notices about its outbound messages (retries exhausted, manual handling, regenerated id,
 * failed): pulled and confirmed like the inbox; at least once, the notice id is stable.
 */
public interface Notices {
    /** Notices for this party ("TYPE:VALUE", the party the messages were sent from; null for every party). */
    List<NoticeView> list(String party, boolean includeConfirmed);

    /** One notice, or null when unknown. */
    NoticeView get(String noticeId);

    /** Confirms a notice; confirming twice is harmless. */
    Inbox.ConfirmResult confirm(String noticeId);
}
