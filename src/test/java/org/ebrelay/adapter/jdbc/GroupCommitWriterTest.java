package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {
    @TempDir
    Path dataDir;
    private Database database;
    private final AtomicInteger syncs = new AtomicInteger();
    private GroupCommitWriter writer;

    @BeforeEach
    void open() throws SQLException {
        database = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT));
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE items (id INTEGER PRIMARY KEY)");
        }
        writer = new GroupCommitWriter(database.dataSource(), connection -> {
            syncs.incrementAndGet();
            return null;
        }, 512, 10_000);
    }

    @AfterEach
    void close() {
        writer.close();
        database.close();
    }

    @Test
    void underLoadACommitWaitsForWorkThatArrivesSoonAfterAndTakesItAlong() throws Exception {
        CountDownLatch firstCommitHeld = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        AtomicInteger commits = new AtomicInteger();
        writer.close();
        writer = new GroupCommitWriter(database.dataSource(), connection -> {
            if (commits.incrementAndGet() == 1) {
                firstCommitHeld.countDown();
                awaitQuietly(releaseFirstCommit);
            }
            return null;
        }, 512, 10_000, Duration.ofSeconds(2));
        CompletableFuture<Integer> first = writer.submit(c -> insert(c, 1));
        firstCommitHeld.await();
        CompletableFuture<Integer> second = writer.submit(c -> insert(c, 2));
        CompletableFuture<Integer> third = writer.submit(c -> insert(c, 3));
        releaseFirstCommit.countDown();
        CompletableFuture.allOf(first, second, third).get(10, TimeUnit.SECONDS);
        long groupsBefore = writer.groupsCommitted();

        // the last group had company (2 and 3): the next commit waits for more and takes the late one along
        CompletableFuture<Integer> early = writer.submit(c -> insert(c, 4));
        CompletableFuture<Integer> late = writer.submit(c -> insert(c, 5));
        assertThat(late.get(10, TimeUnit.SECONDS)).isEqualTo(5);

        assertThat(early.get()).isEqualTo(4);
        assertThat(writer.groupsCommitted() - groupsBefore).as("one commit for both").isEqualTo(1);
        assertThat(count()).isEqualTo(5);
    }

    @Test
    void everyUnitOfManyConcurrentCallersIsCommittedBeforeItsCallerHearsOfIt() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(32);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int caller = 0; caller < 32; caller++) {
            int first = caller * 50;
            answers.add(callers.submit(() -> {
                for (int id = first; id < first + 50; id++) {
                    int inserted = id;
                    Database.await(writer.submit(c -> insert(c, inserted)));
                    assertThat(stored(inserted)).as("visible once answered").isTrue();
                }
                return 50;
            }));
        }
        int answered = 0;
        for (Future<Integer> answer : answers) {
            answered += answer.get(120, TimeUnit.SECONDS);
        }
        callers.shutdown();

        assertThat(answered).isEqualTo(1600);
        assertThat(count()).isEqualTo(1600);
        assertThat(syncs.get()).isBetween(1, 1600);
    }

    @Test
    void aFailingUnitFailsAloneWhileTheOthersOfItsGroupCommit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> blocker = busyWriter(release, 1);
        CompletableFuture<Integer> good = writer.submit(c -> insert(c, 2));
        CompletableFuture<Integer> bad = writer.submit(c -> insert(c, 1)); // the same key again
        CompletableFuture<Integer> boom = writer.submit(c -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<Integer> alsoGood = writer.submit(c -> insert(c, 3));
        release.countDown();

        assertThat(blocker.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(alsoGood.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> Database.await(boom)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(count()).isEqualTo(3);
        assertThat(syncs.get()).as("one sync for the blocker, one after the units ran one by one").isEqualTo(2);
    }

    @Test
    void unitsQueuedWhileTheWriterIsBusyShareOneCommit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> blocker = busyWriter(release, 0);
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int id = 1; id <= 100; id++) {
            int inserted = id;
            queued.add(writer.submit(c -> insert(c, inserted)));
        }
        release.countDown();

        blocker.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Integer> unit : queued) {
            unit.get(10, TimeUnit.SECONDS);
        }
        assertThat(count()).isEqualTo(101);
        assertThat(syncs.get()).isEqualTo(2);
    }

    @Test
    void anErrorInAUnitDoesNotStopTheWriter() throws Exception {
        CompletableFuture<Integer> broken = writer.submit(c -> {
            throw new AssertionError("unexpected");
        });
        assertThatThrownBy(broken::join).hasCauseInstanceOf(AssertionError.class);

        assertThat(writer.submit(c -> insert(c, 7)).get(10, TimeUnit.SECONDS)).isEqualTo(7);
    }

    @Test
    void aClosedWriterRefusesNewWorkAfterFinishingTheQueuedWork() throws Exception {
        CompletableFuture<Integer> queued = writer.submit(c -> insert(c, 1));
        writer.close();

        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> Database.await(writer.submit(c -> insert(c, 2))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count()).isEqualTo(1);
    }

    /**
     * Occupies the writer with a group of one unit that inserts {@code id} once {@code release} opens; returns when
     * that unit runs, so that everything submitted afterwards waits for the next group.
     */
    private CompletableFuture<Integer> busyWriter(CountDownLatch release, int id) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Integer> blocker = writer.submit(c -> {
            running.countDown();
            awaitQuietly(release);
            return insert(c, id);
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return blocker;
    }

    private static int insert(Connection connection, int id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (id) VALUES (?)")) {
            insert.setInt(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    private boolean stored(int id) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM items WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
    }

    private int count() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM items")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
