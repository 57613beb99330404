package org.ebrelay.adapter.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ebrelay.app.port.out.ConfirmResult;
import org.ebrelay.app.port.out.NewNotice;
import org.ebrelay.app.port.out.Notice;
import org.ebrelay.app.port.out.NoticeId;
import org.ebrelay.app.port.out.NoticeStore;
import org.ebrelay.domain.message.PartyId;

/**
 * The application's notices on plain JDBC, in the same database as the messages: every change is a unit of work of
 * the group-commit writer (durable when it returns), reads go to the pool.
 */
public final class JdbcNoticeStore implements NoticeStore {
    private final Database database;

    public JdbcNoticeStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean record(NewNotice notice) {
        return database.write(c -> NoticeRows.insert(c, notice));
    }

    @Override
    public List<Notice> listNotices(PartyId party, boolean includeConfirmed, int limit) {
        return database.read(c -> NoticeRows.list(c, party, includeConfirmed, limit));
    }

    @Override
    public Optional<Notice> findNotice(NoticeId id) {
        return database.read(c -> NoticeRows.find(c, id));
    }

    @Override
    public ConfirmResult confirmNotice(NoticeId id, Instant at) {
        return database.write(c -> NoticeRows.confirm(c, id, at));
    }

    @Override
    public List<Notice> dueNoticePushes(Instant now, int limit) {
        return database.read(c -> NoticeRows.duePushes(c, now, limit));
    }

    @Override
    public boolean recordNoticePushFailure(NoticeId id, Instant at, Instant nextPushAt, String error) {
        return database.write(c -> NoticeRows.recordPushFailure(c, id, nextPushAt, error));
    }
}
