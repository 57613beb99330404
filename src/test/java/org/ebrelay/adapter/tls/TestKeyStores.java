package org.ebrelay.adapter.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Key stores for TLS tests, made with the JDK's keytool as scripts/make-tls-keys makes them: one PKCS12 file per
 * party holding its EC key and a self-signed certificate for 127.0.0.1 and localhost, and trust stores holding the
 * certificates of some of them.
 */
public final class TestKeyStores {
    public static final String PASSWORD = "changeit";

    private final Path dir;

    public TestKeyStores(Path dir) {
        this.dir = dir;
    }

    /** {@code <name>.p12}, made once per directory; valid for {@code days}. */
    public Path keyStore(String name, int days) {
        return keyStore(name, days, "SAN=ip:127.0.0.1,dns:localhost");
    }

    /** A key store whose certificate names only {@code san} (e.g. {@code SAN=dns:elsewhere.example}). */
    public Path keyStore(String name, int days, String san) {
        Path file = dir.resolve(name + ".p12");
        if (!Files.exists(file)) {
            keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + name + ",O=ebrelay test", "-ext", san,
                    "-validity", String.valueOf(days), "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
        }
        return file;
    }

    public Path keyStore(String name) {
        return keyStore(name, 30);
    }

    /** {@code <file>} trusting the certificates of these key stores' parties (what keytool -importcert makes). */
    public Path trustStore(String file, String... names) {
        Path trust = dir.resolve(file);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (String name : names) {
                store.setCertificateEntry(name, certificate(name));
            }
            try (OutputStream out = Files.newOutputStream(trust)) {
                store.store(out, PASSWORD.toCharArray());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + trust, e);
        }
        return trust;
    }

    /** The party's certificate. */
    public X509Certificate certificate(String name) {
        try (InputStream in = Files.newInputStream(keyStore(name))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return (X509Certificate) store.getCertificate(name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    /** The party's certificate as base64 DER, as a CPA's ds:X509Certificate carries it. */
    public String certificateBase64(String name) {
        try {
            return Base64.getEncoder().encodeToString(certificate(name).getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("keytool could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
