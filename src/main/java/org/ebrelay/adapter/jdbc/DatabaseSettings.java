package org.ebrelay.adapter.jdbc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is and how to use it.
 *
 * @param poolSize connections for reads and Quartz (the group-commit writer borrows one per batch)
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize, Durability durability) {
    public static final int DEFAULT_POOL_SIZE = 10;
    /** The database file's name in the data directory (H2 adds {@code .mv.db}). */
    public static final String H2_FILE_NAME = "ebrelay";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(durability, "durability");
        if (poolSize < 2) {
            throw new IllegalArgumentException("poolSize must be at least 2: " + poolSize);
        }
    }

    /**
     * An embedded H2 file database in {@code dataDir}. {@code WRITE_DELAY=0} writes each commit to the file before
     * the commit returns (H2's default buffers up to 0.5 s of committed work, lost on a kill). The file system
     * {@link WriterThreadFileSystem ebrelay:}: the writer thread does its file I/O in place, every other thread
     * through H2's {@code async:}, since with plain NIO a thread interrupted during a write (Jetty, Quartz and
     * executors interrupt their threads on shutdown or timeout) closes the file channel and takes the whole
     * database down with it.
     * {@code PAGE_SIZE=4096}, H2's smallest, instead of its 16 KB: every commit rewrites the B-tree pages it
     * touched in full, and new rows go to the last page of each table and index, so the page size bounds the bytes
     * a commit serialises (measured: about a third of the writer's CPU per commit, docs/BENCHMARKS.md).
     */
    public static DatabaseSettings h2File(Path dataDir, Durability durability) {
        return new DatabaseSettings(h2FileUrl(dataDir), "sa", "", DEFAULT_POOL_SIZE, durability);
    }

    /** The same settings with another pool size. */
    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, size, durability);
    }

    static String h2FileUrl(Path dataDir) {
        return "jdbc:h2:" + WriterThreadFileSystem.scheme() + ":" + dataDir.toAbsolutePath().resolve(H2_FILE_NAME)
                + ";WRITE_DELAY=0;PAGE_SIZE=4096;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }
}
