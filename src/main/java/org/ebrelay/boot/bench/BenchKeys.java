package org.ebrelay.boot.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ebrelay.boot.config.GatewayConfig;

/**
 * Throwaway RSA-2048 signing keys for a signed benchmark run, made with the JDK's keytool (as
 * {@code scripts/make-signing-keys} does): one PKCS12 keystore per node, and its certificate for the CPA. Valid for a
 * year, beyond the nodes' expiry warning, so that a run does not warn administrators about its own keys.
 */
final class BenchKeys {
    private static final String PASSWORD = "bench-only";

    /** One node's keystore and the base64 DER of its certificate. */
    record Key(GatewayConfig.Signing signing, String certificate) {
    }

    private BenchKeys() {
    }

    static Key make(Path dir, String name) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path store = dir.resolve(name + "-signing.p12");
        Files.deleteIfExists(store);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", name, "-keyalg", "RSA",
                "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "365", "-dname", "CN=" + name + " bench",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD,
                "-noprompt")).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool could not make a signing key in " + store);
        }
        return new Key(new GatewayConfig.Signing(store, "PKCS12", PASSWORD, false), certificate(store, name));
    }

    private static String certificate(Path store, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD.toCharArray());
            return Base64.getEncoder().encodeToString(keyStore.getCertificate(alias).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + store + ": " + e.getMessage(), e);
        }
    }
}
