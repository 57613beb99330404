package org.ebrelay.adapter.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The node's TLS material and policy, for its HTTPS endpoint and its outbound posts (docs/security.md, "TLS").
 *
 * @param serverEnabled        the main port speaks HTTPS
 * @param keyStore             the node's key and certificate chain, or null
 * @param trustStore           trusted partner certificates or CAs, or null (JDK defaults outbound; inbound,
 *                             Jetty then trusts what the key store holds)
 * @param hostnameVerification a partner's server certificate must name the host posted to
 * @param crlFile              a local CRL for {@link Revocation#CRL}, or null for the certificates' distribution points
 * @param reloadInterval       how often the key store file is looked at for a renewal; zero: never
 */
public record TlsSettings(boolean serverEnabled, Path keyStore, String keyStorePassword, String keyStoreType,
                          Path trustStore, String trustStorePassword, ClientAuth clientAuth,
                          boolean hostnameVerification, Revocation revocation, Path crlFile, Duration reloadInterval) {
    public TlsSettings {
        Objects.requireNonNull(keyStoreType, "keyStoreType");
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        if (serverEnabled && keyStore == null) {
            throw new IllegalArgumentException("HTTPS needs a key store (tls.keyStore)");
        }
    }

    /** Plain HTTP in, the JDK's defaults out. */
    public static TlsSettings off() {
        return new TlsSettings(false, null, null, "PKCS12", null, null, ClientAuth.WANT, true, Revocation.NONE, null,
                Duration.ZERO);
    }

    /** Whether a client certificate is asked for on the HTTPS endpoint. */
    public enum ClientAuth {
        NONE, WANT, NEED;

        public static ClientAuth fromSetting(String text) {
            for (ClientAuth value : values()) {
                if (value.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return value;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not one of none, want or need");
        }
    }

    /** Revocation checking of peer certificates. */
    public enum Revocation {
        NONE("none"), CRL("crl"), OCSP("ocsp"), CRL_AND_OCSP("crl+ocsp");

        private final String setting;

        Revocation(String setting) {
            this.setting = setting;
        }

        public static Revocation fromSetting(String text) {
            for (Revocation value : values()) {
                if (value.setting.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return value;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not one of none, crl, ocsp or crl+ocsp");
        }

        boolean crl() {
            return this == CRL || this == CRL_AND_OCSP;
        }

        boolean ocsp() {
            return this == OCSP || this == CRL_AND_OCSP;
        }
    }
}
