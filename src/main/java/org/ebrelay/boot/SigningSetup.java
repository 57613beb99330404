package org.ebrelay.boot;

import java.io.IOException;
import java.security.Provider;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.ebrelay.adapter.tls.StoreFileWatch;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.xmldsig.SigningKeys;
import org.ebrelay.adapter.xmldsig.SignatureProvider;
import org.ebrelay.adapter.xmldsig.XmlDsigSigning;
import org.ebrelay.app.signing.Signatures;
import org.ebrelay.app.signing.SigningPolicy;
import org.ebrelay.boot.config.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** XML signatures from {@code signing:} in the configuration (issue 6): the keystore read once at start. */
final class SigningSetup {
    private static final Logger LOG = LoggerFactory.getLogger(SigningSetup.class);

    private SigningSetup() {
    }

    /**
     * The node's signatures; with a keystore, also a watch that takes a renewed keystore into use (pushed on
     * {@code started} to be closed with the node).
     *
     * @throws StartupException when a configured keystore cannot be read
     */
    static Signatures signatures(GatewayConfig.Signing config, Deque<AutoCloseable> started) {
        SigningKeys keys = SigningKeys.NONE;
        Optional<Provider> rsa = Optional.empty();
        if (config.keystore() != null) {
            try {
                keys = SigningKeys.load(config.keystore(), config.keystoreType(), config.password());
                rsa = SignatureProvider.select(config.provider());
            } catch (IOException e) {
                throw new StartupException("signing.keystore: " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new StartupException(e.getMessage(), e);
            }
            LOG.info("Signing with {}; RSA signatures by {}", keys, SignatureProvider.describe(rsa));
        }
        XmlDsigSigning signing = new XmlDsigSigning(new EbmsEncoder(), keys, rsa);
        if (config.keystore() != null) {
            started.push(new StoreFileWatch<>("signing keystore " + config.keystore(), List.of(config.keystore()),
                    () -> renewed(config), signing::useKeys).start(config.reloadInterval()));
        }
        return new Signatures(signing, new SigningPolicy(config.allowRsaSha1()));
    }

    /** A renewed keystore, only when it loads and holds at least one key. */
    private static SigningKeys renewed(GatewayConfig.Signing config) throws IOException {
        SigningKeys keys = SigningKeys.load(config.keystore(), config.keystoreType(), config.password());
        if (keys.size() == 0) {
            throw new IOException("it holds no private key");
        }
        LOG.info("Signing with {}", keys);
        return keys;
    }
}
