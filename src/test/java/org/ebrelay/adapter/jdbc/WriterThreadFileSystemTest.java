package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ebrelay.app.port.out.MessageStore;
import org.h2.store.fs.FilePath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterThreadFileSystemTest {
    @TempDir
    Path dir;

    private final ExecutorService writerThread = Executors.newSingleThreadExecutor(r -> new Thread(() -> {
        WriterThreadFileSystem.runIoInPlaceOnThisThread();
        r.run();
    }, "test-writer"));
    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        writerThread.shutdownNow();
        otherThread.shutdownNow();
    }

    private FileChannel open() throws Exception {
        return FilePath.get(WriterThreadFileSystem.scheme() + ":" + dir.resolve("f.bin")).open("rw");
    }

    private static <T> T on(ExecutorService thread, Callable<T> work) throws Exception {
        return thread.submit(work).get();
    }

    private static void writeOn(ExecutorService thread, FileChannel file, String text, long at) throws Exception {
        on(thread, () -> {
            write(file, text, at);
            return null;
        });
    }

    private static void write(FileChannel file, String text, long at) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
            file.write(bytes, at + bytes.position());
        }
    }

    private static String read(FileChannel file, int length, long at) throws Exception {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining() && file.read(bytes, at + bytes.position()) > 0) {
            // until full or at the end of the file
        }
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII);
    }

    @Test
    void theWriterThreadAndOtherThreadsSeeOneFile() throws Exception {
        try (FileChannel file = open()) {
            writeOn(writerThread, file, "written by the writer", 0);
            assertThat(on(otherThread, () -> read(file, 21, 0))).isEqualTo("written by the writer");
            writeOn(otherThread, file, "OTHER", 11);
            assertThat(on(writerThread, () -> read(file, 21, 0))).isEqualTo("written by OTHERriter");
            assertThat(on(writerThread, file::size)).isEqualTo(21).isEqualTo(on(otherThread, file::size));
        }
    }

    @Test
    void anInterruptedThreadDoesNotCloseTheFileForTheOthersAndKeepsItsInterrupt() throws Exception {
        try (FileChannel file = open()) {
            writeOn(writerThread, file, "abc", 0);

            boolean stillInterrupted = on(otherThread, () -> {
                Thread.currentThread().interrupt();
                write(file, "XY", 1);
                boolean interrupted = Thread.interrupted();
                return interrupted && read(file, 3, 0).equals("aXY");
            });

            assertThat(stillInterrupted).as("its I/O done, its interrupt kept (the async: channel)").isTrue();
            assertThat(file.isOpen()).isTrue();
            assertThat(on(writerThread, () -> read(file, 3, 0))).isEqualTo("aXY");
        }
    }

    @Test
    void anInterruptOfTheWriterThreadIsAbsorbedByItsOwnChannelWhichReopensTheFile() throws Exception {
        try (FileChannel file = open()) {
            boolean interruptedAfter = on(writerThread, () -> {
                Thread.currentThread().interrupt();
                write(file, "after an interrupt", 0);
                return Thread.currentThread().isInterrupted();
            });

            assertThat(interruptedAfter).as("the in-place channel (retry:nio:) clears the interrupt it absorbed")
                    .isFalse();
            assertThat(on(writerThread, () -> read(file, 18, 0))).isEqualTo("after an interrupt");
            assertThat(on(otherThread, () -> read(file, 18, 0))).isEqualTo("after an interrupt");
        }
    }

    @Test
    void theNodeDatabaseRunsOnItAndSurvivesAReopen() {
        DatabaseSettings settings = DatabaseSettings.h2File(dir, Durability.COMMIT);
        assertThat(settings.jdbcUrl()).startsWith("jdbc:h2:ebrelay:");
        try (Database database = Database.open(settings)) {
            MessageStore store = new JdbcMessageStore(database);
            store.insert(CommittingChild.message("a"));
        }
        try (Database database = Database.open(settings)) {
            MessageStore store = new JdbcMessageStore(database);
            store.insert(CommittingChild.message("b"));
            int stored = database.read(c -> {
                try (var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM outbound_messages")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            assertThat(stored).isEqualTo(2);
        }
    }
}
