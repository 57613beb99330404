package org.ebrelay.adapter.xmldsig;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.util.Optional;

/**
 * Which JCA provider makes our RSA signatures ({@code signing.provider}). RSA-2048 is most of what signing costs,
 * and the JDK's implementation takes about four times as long as AWS-LC, which Amazon Corretto Crypto Provider
 * brings as a native library (linux-x86_64). Both make the same PKCS#1 v1.5 signature value for the same input.
 */
public final class SignatureProvider {
    public static final String AUTO = "auto";
    public static final String JDK = "jdk";
    public static final String NATIVE = "native";

    private SignatureProvider() {
    }

    /**
     * The provider for {@code setting}: {@code jdk} the JDK's (empty); {@code native} AWS-LC, or an exception saying
     * why it does not load here; {@code auto} AWS-LC where it loads and passes its self-test, else the JDK's.
     *
     * @throws IllegalArgumentException for another setting, or {@code native} where the library does not load
     */
    public static Optional<Provider> select(String setting) {
        switch (setting == null ? AUTO : setting) {
            case JDK:
                return Optional.empty();
            case NATIVE:
                Throwable error = nativeLoadingError();
                if (error != null) {
                    throw new IllegalArgumentException("signing.provider is native, and AWS-LC (Amazon Corretto"
                            + " Crypto Provider) does not load here: " + error, error);
                }
                return Optional.of(AmazonCorrettoCryptoProvider.INSTANCE);
            case AUTO:
                return nativeLoadingError() == null ? Optional.of(AmazonCorrettoCryptoProvider.INSTANCE)
                        : Optional.empty();
            default:
                throw new IllegalArgumentException("signing.provider must be auto, jdk or native, not " + setting);
        }
    }

    /** A provider's name as the log shows it; empty is the JDK's. */
    public static String describe(Optional<Provider> provider) {
        return provider.map(p -> "AWS-LC (" + p.getName() + " " + p.getVersionStr() + ")")
                .orElse("the JDK's provider");
    }

    /** Why the native provider cannot be used here, or null when it loaded and passed its self-test. */
    private static Throwable nativeLoadingError() {
        try {
            Throwable error = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
            if (error == null) {
                AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
            }
            return error;
        } catch (RuntimeException | LinkageError e) {
            return e;
        }
    }
}
