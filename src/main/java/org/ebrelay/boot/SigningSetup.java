package org.ebrelay.boot;

import java.io.IOException;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.xmldsig.SigningKeys;
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

    /** @throws StartupException when a configured keystore cannot be read */
    static Signatures signatures(GatewayConfig.Signing config) {
        SigningKeys keys = SigningKeys.NONE;
        if (config.keystore() != null) {
            try {
                keys = SigningKeys.load(config.keystore(), config.keystoreType(), config.password());
            } catch (IOException e) {
                throw new StartupException("signing.keystore: " + e.getMessage(), e);
            }
            LOG.info("Signing with {}", keys);
        }
        return new Signatures(new XmlDsigSigning(new EbmsEncoder(), keys), new SigningPolicy(config.allowRsaSha1()));
    }
}
