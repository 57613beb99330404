package org.ebrelay.adapter.xmldsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Provider;
import java.util.Optional;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.soap.EncoderFixtures;
import org.ebrelay.domain.message.EbmsMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignatureProviderTest {
    private static final String RSA_SHA256 = EbmsSignatureInteropTest.RSA_SHA256;
    private static final String SHA256 = EbmsSignatureInteropTest.SHA256;

    @BeforeEach
    void onlyWhereTheNativeLibraryIsBuilt() {
        // the dependency carries AWS-LC for linux-x86_64; elsewhere auto falls back (the last test checks that)
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "AWS-LC is built for linux-x86_64");
    }

    @Test
    void autoAndNativeChooseAwsLcWhereItLoadsAndJdkChoosesTheJdk() {
        assertThat(SignatureProvider.select("auto")).get().extracting(Provider::getName)
                .isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(SignatureProvider.select(null)).isEqualTo(SignatureProvider.select("auto"));
        assertThat(SignatureProvider.select("native")).isEqualTo(SignatureProvider.select("auto"));
        assertThat(SignatureProvider.select("jdk")).isEmpty();
        assertThat(SignatureProvider.describe(SignatureProvider.select("native"))).startsWith("AWS-LC (");
        assertThat(SignatureProvider.describe(Optional.empty())).isEqualTo("the JDK's provider");
    }

    @Test
    void anotherSettingIsRefusedByName() {
        assertThatThrownBy(() -> SignatureProvider.select("openssl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto, jdk or native")
                .hasMessageContaining("openssl");
    }

    @Test
    void awsLcAndTheJdkMakeTheSameSignatureAndTheJdkVerifiesIt() throws Exception {
        EbmsMessage message = EncoderFixtures.userMessageWithTwoPayloads();
        byte[] envelope = new EbmsEncoder().envelope(message);

        byte[] byAwsLc = new StreamingEnvelopeSigner(SignatureProvider.select("native")).sign(envelope,
                message.payloads(), TestKeys.privateKey("alpha"), TestKeys.certificate("alpha"), RSA_SHA256, SHA256)
                .orElseThrow();
        byte[] byJdk = new StreamingEnvelopeSigner(Optional.empty()).sign(envelope, message.payloads(),
                TestKeys.privateKey("alpha"), TestKeys.certificate("alpha"), RSA_SHA256, SHA256).orElseThrow();

        assertThat(byAwsLc).isEqualTo(byJdk);
        assertThat(JdkXmlDsig.verifies(byAwsLc, EbmsSignatureInteropTest.byCid(message.payloads()),
                TestKeys.certificate("alpha").getPublicKey())).isTrue();
    }
}
