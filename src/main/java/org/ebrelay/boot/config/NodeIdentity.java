package org.ebrelay.boot.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A node's stable id: configured, or generated once and kept in {@code <dataDir>/node-id}. Never derived from an
 * address: containers get new addresses on restart, and a new container may get an old one's address.
 */
public final class NodeIdentity {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private NodeIdentity() {
    }

    /** The configured id if there is one (it must then match any id already kept), else the kept or a new one. */
    public static String resolve(String configured, Path dataDir) {
        Path file = dataDir.resolve("node-id");
        String kept = read(file);
        if (configured != null && !configured.isBlank()) {
            if (!VALID.matcher(configured).matches()) {
                throw new ConfigLoader.ConfigException("node.id '" + configured
                        + "' must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }
            if (kept == null) {
                write(file, configured);
            } else if (!kept.equals(configured)) {
                throw new ConfigLoader.ConfigException("node.id '" + configured + "' differs from the id '" + kept
                        + "' kept in " + file + ": a data directory belongs to one node");
            }
            return configured;
        }
        if (kept != null) {
            return kept;
        }
        String generated = "node-" + UUID.randomUUID().toString().substring(0, 8);
        write(file, generated);
        return generated;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String id) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("node-id.tmp");
            Files.writeString(temp, id + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
