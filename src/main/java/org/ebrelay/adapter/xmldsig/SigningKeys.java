package org.ebrelay.adapter.xmldsig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Our signing keys, from a keystore file under conf/ (never from the CPA). A CPA names our signing certificate
 * (SigningCertificateRef); the key is the keystore entry whose certificate has the same DER bytes, so no alias has to
 * be configured and a CPA naming a certificate we hold no key for is found out at once.
 */
public final class SigningKeys {
    /** A private key with its certificate. */
    public record Entry(PrivateKey key, X509Certificate certificate) {
    }

    public static final SigningKeys NONE = new SigningKeys(Map.of(), "no signing keystore is configured");

    private final Map<String, Entry> byCertificate;
    private final String source;

    private SigningKeys(Map<String, Entry> byCertificate, String source) {
        this.byCertificate = byCertificate;
        this.source = source;
    }

    /** Every private key entry of the keystore (PKCS12 or JKS), all with the one password. */
    public static SigningKeys load(Path file, String type, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            Map<String, Entry> entries = new HashMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Certificate certificate = store.getCertificate(alias);
                    if (certificate instanceof X509Certificate x509) {
                        entries.put(hex(x509.getEncoded()), new Entry((PrivateKey) store.getKey(alias, password), x509));
                    }
                }
            }
            return new SigningKeys(Map.copyOf(entries), "keystore " + file);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read signing keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** The key whose certificate is {@code certificateDer}. */
    public Optional<Entry> forCertificate(byte[] certificateDer) {
        return Optional.ofNullable(byCertificate.get(hex(certificateDer)));
    }

    public int size() {
        return byCertificate.size();
    }

    @Override
    public String toString() {
        return source + " (" + byCertificate.size() + " key(s))";
    }

    private static String hex(byte[] der) {
        return java.util.HexFormat.of().formatHex(der);
    }
}
