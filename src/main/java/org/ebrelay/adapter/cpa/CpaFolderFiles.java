package org.ebrelay.adapter.cpa;

import org.ebrelay.app.cpa.CpaFolder;
import org.ebrelay.app.cpa.CpaRead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPA folder on disk: its {@code *.xml} files, without hidden files ({@code .name.xml}, editors' swap and lock
 * files) and backups ({@code name.xml~}, which do not end in .xml anyway). Each file is read once per look and
 * identified by the SHA-256 of its bytes; what is checked is exactly what was hashed.
 */
public final class CpaFolderFiles implements CpaFolder {
    private final Path dir;
    private final CpaFileLoader loader;

    public CpaFolderFiles(Path dir, CpaFileLoader loader) {
        this.dir = dir;
        this.loader = loader;
    }

    @Override
    public Map<Path, String> scan() {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.filter(CpaFolderFiles::isCpaFile).toList()) {
                files.put(file, checksumOrEmpty(file));
            }
        } catch (IOException e) {
            // an unreadable folder reads as unchanged: withdrawing every CPA because of it would stop all traffic
            throw new IllegalStateException("cannot read the CPA folder " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    static boolean isCpaFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".xml") && !name.startsWith(".") && !name.startsWith("#") && Files.isRegularFile(file);
    }

    private static String checksumOrEmpty(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public CpaRead read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return of(file, "", "", loader.load(file));
        }
        return of(file, sha256(bytes), new String(bytes, StandardCharsets.UTF_8), loader.load(file, bytes));
    }

    @Override
    public CpaRead parse(String name, String document) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        return of(Path.of(name), sha256(bytes), document, loader.load(Path.of(name), bytes));
    }

    private static CpaRead of(Path file, String checksum, String document, CpaLoadResult result) {
        List<String> problems = result.problems().stream().map(CpaProblem::toString).toList();
        List<String> warnings = result.warnings().stream().map(CpaProblem::toString).toList();
        return new CpaRead(file, checksum, document, result.isValid() ? result.agreement() : null, problems,
                warnings);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
