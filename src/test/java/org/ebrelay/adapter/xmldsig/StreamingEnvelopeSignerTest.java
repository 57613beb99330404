package org.ebrelay.adapter.xmldsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.xml.security.c14n.Canonicalizer;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.soap.EncoderFixtures;
import org.ebrelay.adapter.soap.EnvelopePart;
import org.ebrelay.adapter.soap.WireInputs;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageStatus;
import org.ebrelay.domain.message.Payload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming signer against the DOM signer (Santuario as it comes, with the native filter) on the same envelopes.
 * RSA PKCS#1 v1.5 signatures are deterministic, so one key signing the same canonical SignedInfo gives the same
 * signature value: equal values prove the two SignedInfos, and with them every digest, equal byte for byte. The
 * corpus is the encoder's messages, the golden samples and envelopes built to tell a canonicaliser's mistakes apart.
 */
class StreamingEnvelopeSignerTest {
    private static final String RSA_SHA256 = EbmsSignatureInteropTest.RSA_SHA256;
    private static final String RSA_SHA1 = EbmsSignatureInteropTest.RSA_SHA1;
    private static final String SHA256 = EbmsSignatureInteropTest.SHA256;
    private static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String EB = "http://www.oasis-open.org/committees/ebxml-msg/schema/msg-header-2_0.xsd";
    private static final String NEXT_MSH = "urn:oasis:names:tc:ebxml-msg:actor:nextMSH";
    private static final String SOAP_NEXT = "http://schemas.xmlsoap.org/soap/actor/next";
    private static final Pattern SIGNATURE_VALUE = Pattern.compile("<ds:SignatureValue>([^<]*)</ds:SignatureValue>");

    private final StreamingEnvelopeSigner streaming = new StreamingEnvelopeSigner(Optional.empty());
    private final EnvelopeSigner dom = new EnvelopeSigner();
    private final PrivateKey key = TestKeys.privateKey("alpha");
    private final X509Certificate certificate = TestKeys.certificate("alpha");

    static Stream<Arguments> envelopes() throws Exception {
        EbmsEncoder encoder = new EbmsEncoder();
        List<Arguments> cases = new ArrayList<>();
        for (EbmsMessage message : List.of(EncoderFixtures.userMessage(2048),
                EncoderFixtures.userMessageWithTwoPayloads(), EncoderFixtures.orderedUserMessage(),
                EncoderFixtures.untypedUserMessage(), EncoderFixtures.acknowledgment(true),
                EncoderFixtures.acknowledgment(false), EncoderFixtures.messageError(), EncoderFixtures.ping(),
                EncoderFixtures.pong(), EncoderFixtures.statusRequest(),
                EncoderFixtures.statusResponse(MessageStatus.RECEIVED, EncoderFixtures.RECEIVED))) {
            cases.add(Arguments.of("encoder: " + message.header().action(), encoder.envelope(message),
                    message.payloads()));
        }
        for (String sample : List.of("04-nav-signed-acknowledgment-with-ds-reference.xml",
                "09-nav-signed-message-ackrequested-signed.xml", "03-nhs-spine-acknowledgment.xml",
                "05-nhs-spine-message-error.xml", "01-nhs-spine-hl7v3-request-with-payload.mime",
                "02-hermes-http-post-message-with-payload.http")) {
            WireMessage wire = WireInputs.read(Files.readAllBytes(Path.of("src/test/resources/golden", sample)));
            String envelope = new String(EnvelopePart.of(wire).orElseThrow(), StandardCharsets.UTF_8)
                    .replaceAll("(?s)<(ds:)?Signature[ >].*</(ds:)?Signature>", "");
            List<Payload> payloads = new EbmsDecoder(new EbmsDecoder.Options(1 << 20, false)).decode(wire)
                    .message().payloads();
            cases.add(Arguments.of("sample " + sample, envelope.getBytes(StandardCharsets.UTF_8), payloads));
        }
        built().forEach((name, xml) -> cases.add(Arguments.of(name, xml.getBytes(StandardCharsets.UTF_8),
                List.of())));
        return cases.stream();
    }

    /** Envelopes that each trip one rule of inclusive C14N or of the filter when it is got wrong. */
    private static Map<String, String> built() {
        String header = "<SOAP:Header><eb:MessageHeader SOAP:mustUnderstand=\"1\" eb:version=\"2.0\">"
                + "<eb:CPAId>cpa</eb:CPAId></eb:MessageHeader>";
        String open = "<SOAP:Envelope xmlns:SOAP=\"" + SOAP + "\" xmlns:eb=\"" + EB + "\">";
        return Map.ofEntries(
                Map.entry("prefix SOAP-ENV: the XPath's SOAP prefix is not in scope",
                        "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + SOAP + "\"><SOAP-ENV:Header><eb:X xmlns:eb=\"" + EB
                                + "\" SOAP-ENV:actor=\"" + NEXT_MSH + "\"/><eb:Y xmlns:eb=\"" + EB + "\"/>"
                                + "</SOAP-ENV:Header><SOAP-ENV:Body/></SOAP-ENV:Envelope>"),
                Map.entry("the SOAP namespace as the default namespace",
                        "<Envelope xmlns=\"" + SOAP + "\"><Header><a xmlns=\"\">x</a><b actor=\"" + NEXT_MSH
                                + "\">kept: actor in no namespace</b></Header><Body><c/></Body></Envelope>"),
                Map.entry("the SOAP prefix bound elsewhere in the envelope",
                        "<e:Envelope xmlns:e=\"" + SOAP + "\" xmlns:SOAP=\"urn:not-soap\"><e:Header>"
                                + "<SOAP:a SOAP:actor=\"" + NEXT_MSH + "\">kept: not the SOAP actor</SOAP:a>"
                                + "<SOAP:b e:actor=\"" + SOAP_NEXT + "\">left out</SOAP:b></e:Header><e:Body/>"
                                + "</e:Envelope>"),
                Map.entry("default namespace declared, undeclared and redeclared",
                        open + header + "<x xmlns=\"urn:one\"><y xmlns=\"urn:one\"><z xmlns=\"\"><w xmlns=\"\"/>"
                                + "</z></y></x></SOAP:Header><SOAP:Body xmlns=\"\"/></SOAP:Envelope>"),
                Map.entry("superfluous prefix redeclarations and rebinding",
                        open + header + "<eb:Extra xmlns:eb=\"" + EB + "\" xmlns:SOAP=\"" + SOAP + "\">"
                                + "<p:i xmlns:p=\"urn:p1\"><p:j xmlns:p=\"urn:p2\"><p:k xmlns:p=\"urn:p2\"/></p:j>"
                                + "</p:i></eb:Extra></SOAP:Header><SOAP:Body/></SOAP:Envelope>"),
                Map.entry("attributes sorted by namespace URI, then local name",
                        open + header + "<eb:A zz=\"1\" b:c=\"2\" a:c=\"3\" aa=\"4\" a:b=\"5\" xmlns:a=\"urn:z\""
                                + " xmlns:b=\"urn:a\" xmlns:c=\"urn:m\" c:a=\"6\"/></SOAP:Header><SOAP:Body/>"
                                + "</SOAP:Envelope>"),
                Map.entry("escapes in text and in attribute values",
                        open + header + "<eb:T a=\"&lt;&amp;&gt;&quot;'&#9;&#10;&#13; tab\there\nnewline\"><![CDATA[a<b"
                                + "&c>d]]>&#13;\r\n&gt;\"'\u00e9\u4e2d\uD83D\uDE00</eb:T></SOAP:Header>"
                                + "<SOAP:Body/></SOAP:Envelope>"),
                Map.entry("comments, whitespace and line ends everywhere",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!-- before -->\n" + open
                                + "\r\n  " + header + "\n  <!-- inside -->\n  </SOAP:Header>\n  <SOAP:Body>\r\n"
                                + "  <x/>\r\n  </SOAP:Body>\n</SOAP:Envelope>\n<!-- after -->\n"),
                Map.entry("nested elements addressed to the next MSH",
                        open + header + "<eb:AckRequested SOAP:actor=\"" + NEXT_MSH + "\" SOAP:mustUnderstand=\"1\">"
                                + "<eb:Inner SOAP:actor=\"urn:other\">out with its parent</eb:Inner></eb:AckRequested>"
                                + "<eb:Other SOAP:actor=\"urn:other\"><eb:In SOAP:actor=\"" + SOAP_NEXT + "\">"
                                + "<eb:Deeper/></eb:In>kept text</eb:Other><eb:SyncReply SOAP:actor=\"" + SOAP_NEXT
                                + "\"/></SOAP:Header><SOAP:Body><eb:B SOAP:actor=\"" + NEXT_MSH + "\"/></SOAP:Body>"
                                + "</SOAP:Envelope>"),
                Map.entry("namespaces declared only in the Header and Body",
                        "<SOAP:Envelope xmlns:SOAP=\"" + SOAP + "\"><SOAP:Header xmlns:eb=\"" + EB + "\""
                                + " xmlns=\"urn:default\" xmlns:ds=\"urn:not-dsig\"><eb:X/><ds:Y/></SOAP:Header>"
                                + "<SOAP:Body xmlns:q=\"urn:q\"><q:Z/></SOAP:Body></SOAP:Envelope>"),
                Map.entry("an empty Header",
                        "<SOAP:Envelope xmlns:SOAP=\"" + SOAP + "\"><SOAP:Header/><SOAP:Body/></SOAP:Envelope>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void signsAsTheDomSignerDoesAndVerifiesIndependently(String name, byte[] envelope, List<Payload> payloads)
            throws Exception {
        for (String[] algorithms : List.of(new String[] {RSA_SHA256, SHA256}, new String[] {RSA_SHA1, SHA1})) {
            byte[] streamed = streaming.sign(envelope, payloads, key, certificate, algorithms[0], algorithms[1])
                    .orElseThrow(() -> new AssertionError("left to the DOM signer: " + name));
            byte[] byDom = dom.sign(envelope, payloads, key, certificate, algorithms[0], algorithms[1]);

            assertThat(signatureValue(streamed)).as("signature value, %s", algorithms[0])
                    .isEqualTo(signatureValue(byDom));
            if (algorithms[0].equals(RSA_SHA256)) { // the JDK's secure validation refuses rsa-sha1
                assertThat(JdkXmlDsig.verifies(streamed, EbmsSignatureInteropTest.byCid(payloads),
                        certificate.getPublicKey())).as("the JDK's verifier").isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void writesTheEnvelopeInItsCanonicalForm(String name, byte[] envelope, List<Payload> payloads) throws Exception {
        CanonicalEnvelope read = CanonicalEnvelope.read(envelope).orElseThrow();

        assertThat(read.head + read.tail).isEqualTo(santuarioC14n(envelope));
    }

    @Test
    void leavesToTheDomSignerWhatItDoesNotCover() throws Exception {
        String open = "<SOAP:Envelope xmlns:SOAP=\"" + SOAP + "\"";
        List<String> uncovered = List.of(
                open + " xml:lang=\"en\"><SOAP:Header/><SOAP:Body/></SOAP:Envelope>",
                open + "><SOAP:Header xml:space=\"preserve\"/><SOAP:Body/></SOAP:Envelope>",
                open + "><SOAP:Header><?pi data?></SOAP:Header><SOAP:Body/></SOAP:Envelope>",
                open + "><SOAP:Header><ds:Signature xmlns:ds=\"" + Dom.DSIG_NS + "\"/></SOAP:Header><SOAP:Body/>"
                        + "</SOAP:Envelope>",
                open + "><SOAP:Body/></SOAP:Envelope>",
                "<Envelope><Header/><Body/></Envelope>",
                "<!DOCTYPE x [<!ENTITY e \"v\">]>" + open + "><SOAP:Header/><SOAP:Body/></SOAP:Envelope>",
                open + "><SOAP:Header><unclosed></SOAP:Header></SOAP:Envelope>");
        for (String envelope : uncovered) {
            assertThat(streaming.sign(envelope.getBytes(StandardCharsets.UTF_8), List.of(), key, certificate,
                    RSA_SHA256, SHA256)).as(envelope).isEmpty();
        }
        byte[] covered = (open + "><SOAP:Header/><SOAP:Body/></SOAP:Envelope>").getBytes(StandardCharsets.UTF_8);
        assertThat(streaming.sign(covered, List.of(), key, certificate, "http://www.w3.org/2000/09/xmldsig#dsa-sha1",
                SHA256)).isEmpty();
        assertThat(streaming.sign(covered, List.of(), key, certificate, RSA_SHA256,
                "http://www.w3.org/2001/04/xmldsig-more#md5")).isEmpty();
        assertThat(streaming.sign(covered, List.of(), key, certificate, RSA_SHA256, SHA256)).isPresent();
    }

    @Test
    void theSignatureIsTheHeadersLastChild() throws Exception {
        EbmsMessage message = EncoderFixtures.userMessageWithTwoPayloads();
        String signed = new String(streaming.sign(new EbmsEncoder().envelope(message), message.payloads(), key,
                certificate, RSA_SHA256, SHA256).orElseThrow(), StandardCharsets.UTF_8);

        assertThat(signed).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP:Envelope")
                .containsPattern("</ds:Signature></SOAP:Header><SOAP:Body");
        assertThat(signed).contains("<ds:XPath xmlns:SOAP=\"" + SOAP + "\">");
    }

    private static String signatureValue(byte[] envelope) {
        Matcher m = SIGNATURE_VALUE.matcher(new String(envelope, StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String santuarioC14n(byte[] envelope) throws Exception {
        XmlSecurity.init();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS).canonicalize(envelope, out, false);
        return out.toString(StandardCharsets.UTF_8);
    }
}
