package org.ebrelay.adapter.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches key store files (a signing keystore, the TLS key and trust stores) for a renewal, as the CPA folder is
 * watched: every interval each file's modification time, size and SHA-256 are compared with the ones in use. When
 * they changed, the files are read and checked as a whole ({@link Loader}); only a set that loads is handed to
 * {@code install}, at once, and a broken one (half written, wrong password, no key) leaves the one in use in place
 * and is reported once (logged as an error, and {@link #problem()}) until the files change again.
 *
 * @param <T> what the files make (the keys, or nothing when the loader only checks them)
 */
public final class StoreFileWatch<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("org.ebrelay.keys");

    /** Reads and checks the files; throws when they are not usable. */
    @FunctionalInterface
    public interface Loader<T> {
        T load() throws Exception;
    }

    private final String what;
    private final List<Path> files;
    private final Loader<T> loader;
    private final Consumer<T> install;
    private List<String> inUse;
    private List<String> rejected;
    private volatile String problem;
    private ScheduledExecutorService ticker;

    /** @param what how the files are named in the log, e.g. "signing keystore conf/keys/node.p12" */
    public StoreFileWatch(String what, List<Path> files, Loader<T> loader, Consumer<T> install) {
        this.what = what;
        this.files = List.copyOf(files);
        this.loader = loader;
        this.install = install;
        this.inUse = fingerprints();
    }

    /** Looks at the files now; true when a renewed set was taken into use. */
    public synchronized boolean checkNow() {
        List<String> now = fingerprints();
        if (now.equals(inUse) || now.equals(rejected)) {
            return false;
        }
        T loaded;
        try {
            loaded = loader.load();
        } catch (Exception e) {
            rejected = now;
            problem = what + " changed but cannot be used, the one read before stays in use: "
                    + (e.getMessage() != null ? e.getMessage() : e.toString());
            LOG.error(problem);
            return false;
        }
        install.accept(loaded);
        inUse = now;
        rejected = null;
        problem = null;
        LOG.info("{} renewed: taken into use", what);
        return true;
    }

    /** Why the latest change was not taken into use, or null when the files in use are the latest. */
    public String problem() {
        return problem;
    }

    /** Looks every {@code interval} on a thread of its own (nothing for a zero interval). */
    public synchronized StoreFileWatch<T> start(Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            return this;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ebrelay-key-watch");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::checkQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("watching {} for a renewal every {}", what, interval);
        return this;
    }

    private void checkQuietly() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            LOG.error("looking at {} for a renewal failed", what, e);
        }
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private List<String> fingerprints() {
        List<String> prints = new ArrayList<>();
        for (Path file : files) {
            prints.add(fingerprint(file));
        }
        return prints;
    }

    /** Modification time, size and SHA-256; "absent" for a file that is not there (being replaced). */
    private static String fingerprint(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Files.getLastModifiedTime(file).toMillis() + "/" + bytes.length + "/"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException e) {
            return "absent";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
