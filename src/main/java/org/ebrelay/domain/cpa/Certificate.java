package org.ebrelay.domain.cpa;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Certificate of a PartyInfo. Only its first ds:X509Certificate is kept, as DER bytes; a certificate given only
 * by ds:KeyName (as Hermes test CPAs do) has no bytes.
 *
 * @param keyName ds:KeyName, or null
 */
public record Certificate(String certId, byte[] der, String keyName) {
    public Certificate {
        certId = Require.nonBlank(certId, "certId");
        der = der == null ? null : der.clone();
        keyName = Require.blankToNull(keyName);
    }

    /** A copy of the DER encoding, or null when the CPA carries no X.509 certificate for this id. */
    @Override
    public byte[] der() {
        return der == null ? null : der.clone();
    }

    public boolean hasX509() {
        return der != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Certificate that && certId.equals(that.certId)
                && Arrays.equals(der, that.der) && Objects.equals(keyName, that.keyName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certId, Arrays.hashCode(der), keyName);
    }

    @Override
    public String toString() {
        return "Certificate[" + certId + (der == null ? ", no X.509" : ", " + der.length + " bytes DER") + "]";
    }
}
