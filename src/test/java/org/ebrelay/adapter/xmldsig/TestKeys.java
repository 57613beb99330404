package org.ebrelay.adapter.xmldsig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The test keystores made by scripts/make-signing-keys (alpha, beta, mallory; password changeit). */
public final class TestKeys {
    public static final char[] PASSWORD = "changeit".toCharArray();

    private TestKeys() {
    }

    public static Path keystore(String name) {
        return Path.of("src/test/resources/signing/" + name + "-signing.p12");
    }

    public static SigningKeys signingKeys(String name) {
        try {
            return SigningKeys.load(keystore(name), "PKCS12", PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static X509Certificate certificate(String name) {
        return (X509Certificate) store(name, c -> c.getCertificate(name));
    }

    public static PrivateKey privateKey(String name) {
        return (PrivateKey) store(name, c -> c.getKey(name, PASSWORD));
    }

    public static byte[] der(String name) {
        try {
            return certificate(name).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Read {
        Object from(KeyStore store) throws Exception;
    }

    private static Object store(String name, Read read) {
        try (InputStream in = TestKeys.class.getResourceAsStream("/signing/" + name + "-signing.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return read.from(store);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read test key " + name, e);
        }
    }
}
