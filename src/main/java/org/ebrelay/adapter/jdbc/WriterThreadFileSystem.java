package org.ebrelay.adapter.jdbc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system {@code ebrelay:} for the node database: the group-commit writer thread reads and writes the
 * file in place, every other thread through H2's {@code async:} channel.
 *
 * <p>Why two channels. A plain NIO channel is closed for everybody when a thread using it is interrupted (Jetty,
 * Quartz and executors interrupt their threads on shutdown), which takes the whole database down; {@code async:}
 * is immune because the I/O runs on a pool thread while the caller waits. But that hand-off costs every commit two
 * thread wake-ups, and on a busy machine each waits for a core: measured, the writer spent more time waiting for
 * its own file writes than serialising them (docs/BENCHMARKS.md). The writer thread is ours and nobody interrupts
 * it, so it alone does its I/O in place; should it ever be interrupted, its channel is H2's {@code retry:nio:},
 * which reopens the file and goes on. Both channels are the same file to the operating system: a write through one
 * is seen by a read through the other, and an fsync through either flushes the file.
 *
 * <p>H2's file lock is taken through the {@code async:} channel, which no interrupt closes. (POSIX drops a
 * process's lock on a file when any of its descriptors for the file is closed, so a reopen of the writer's channel
 * would release it: one more reason nothing may interrupt the writer thread.)
 */
public final class WriterThreadFileSystem extends FilePathWrapper {
    static final String SCHEME = "ebrelay";

    private static final ThreadLocal<Boolean> WRITER = ThreadLocal.withInitial(() -> false);

    static {
        FilePath.register(new WriterThreadFileSystem());
    }

    /** For H2, which creates instances of a registered file system reflectively. */
    public WriterThreadFileSystem() {
    }

    /** Makes sure the scheme is registered with H2 before a URL names it (class initialisation does it once). */
    static String scheme() {
        return SCHEME;
    }

    /** Marks the calling thread as the database writer: its file I/O runs in place from now on. */
    static void runIoInPlaceOnThisThread() {
        WRITER.set(true);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        String file = getBase().toString();
        FileChannel shared = FilePath.get("async:" + file).open(mode);
        try {
            return new SplitFile(file, FilePath.get("retry:nio:" + file).open(mode), shared);
        } catch (IOException | RuntimeException e) {
            shared.close();
            throw e;
        }
    }

    /** One file, two channels: the writer thread's own, and the shared one. */
    private static final class SplitFile extends FileBase {
        private final String name;
        private final FileChannel inPlace;
        private final FileChannel shared;
        private long position;

        SplitFile(String name, FileChannel inPlace, FileChannel shared) {
            this.name = name;
            this.inPlace = inPlace;
            this.shared = shared;
        }

        private FileChannel channel() {
            return WRITER.get() ? inPlace : shared;
        }

        @Override
        public int read(ByteBuffer dst, long at) throws IOException {
            return channel().read(dst, at);
        }

        @Override
        public int write(ByteBuffer src, long at) throws IOException {
            return channel().write(src, at);
        }

        @Override
        public synchronized int read(ByteBuffer dst) throws IOException {
            int read = channel().read(dst, position);
            if (read > 0) {
                position += read;
            }
            return read;
        }

        @Override
        public synchronized int write(ByteBuffer src) throws IOException {
            int written = channel().write(src, position);
            position += written;
            return written;
        }

        @Override
        public synchronized long position() {
            return position;
        }

        @Override
        public synchronized FileChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel().size();
        }

        @Override
        public synchronized FileChannel truncate(long size) throws IOException {
            channel().truncate(size);
            position = Math.min(position, size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            channel().force(metaData);
        }

        @Override
        public FileLock tryLock(long at, long size, boolean sharedLock) throws IOException {
            return shared.tryLock(at, size, sharedLock);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            try {
                inPlace.close();
            } finally {
                shared.close();
            }
        }

        @Override
        public String toString() {
            return SCHEME + ":" + name;
        }
    }
}
