package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.WireMessage;

import org.ebrelay.adapter.xml.XmlSchemas;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessageBuilder;
import org.ebrelay.domain.message.Manifest;
import org.ebrelay.domain.message.ManifestReference;
import org.ebrelay.domain.message.MessageStatus;
import org.ebrelay.domain.message.Payload;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ebrelay.adapter.soap.EncodedParts.parameter;
import static org.ebrelay.adapter.soap.EncodedXml.EB;
import static org.ebrelay.adapter.soap.EncodedXml.XLINK;
import static org.ebrelay.adapter.soap.EncodedXml.all;
import static org.ebrelay.adapter.soap.EncodedXml.attr;
import static org.junit.jupiter.api.Named.named;

/** How messages are packaged: bare text/xml without payloads, multipart/related with them. */
class EbmsEncoderMimeTest {
    private final EbmsEncoder encoder = new EbmsEncoder();

    static Stream<Named<EbmsMessage>> payloadLessMessages() {
        return Stream.of(named("Acknowledgment", EncoderFixtures.acknowledgment(true)),
                named("MessageError", EncoderFixtures.messageError()),
                named("Ping", EncoderFixtures.ping()),
                named("Pong", EncoderFixtures.pong()),
                named("StatusRequest", EncoderFixtures.statusRequest()),
                named("StatusResponse", EncoderFixtures.statusResponse(MessageStatus.PROCESSED, EncoderFixtures.RECEIVED)),
                named("user message without payload", EbmsMessageBuilder.withHeader(
                        EncoderFixtures.userHeader("no-payload@x")).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloadLessMessages")
    void aMessageWithoutPayloadIsABareXmlEnvelope(EbmsMessage message) { // PKG-7
        WireMessage wire = encoder.encode(message);

        assertThat(wire.contentType()).isEqualTo("text/xml; charset=UTF-8");
        assertThat(wire.soapAction()).isEqualTo("\"ebXML\"");
        assertThat(new String(wire.body(), StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP:Envelope ");
        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), wire.body())).isEmpty();
    }

    @Test
    void aMessageWithPayloadsIsAMultipartRelatedPackageStartingWithTheSoapPart() { // PKG-1, PKG-2, PKG-3
        WireMessage wire = encoder.encode(EncoderFixtures.userMessageWithTwoPayloads());

        assertThat(wire.soapAction()).isEqualTo(WireMessage.EBXML_SOAP_ACTION);
        assertThat(wire.contentType()).startsWith("multipart/related; ");
        assertThat(parameter(wire.contentType(), "type")).isEqualTo("text/xml");
        String start = parameter(wire.contentType(), "start");
        assertThat(start).startsWith("<").endsWith(">");

        List<EncodedParts.Part> parts = EncodedParts.split(wire);
        assertThat(parts).hasSize(3);
        EncodedParts.Part soap = parts.get(0);
        assertThat(soap.header("Content-ID")).isEqualTo(start);
        assertThat(soap.header("Content-Type")).isEqualTo("text/xml; charset=UTF-8");
        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), soap.content())).isEmpty();

        assertThat(parts.get(1).headers()).containsExactly(
                java.util.Map.entry("content-id", "<hl7-0002@riverside>"),
                java.util.Map.entry("content-type", "application/hl7-v2"),
                java.util.Map.entry("content-transfer-encoding", "binary"));
        assertThat(parts.get(2).header("Content-ID")).isEqualTo("<scan-0002@riverside>");
        assertThat(parts.get(2).header("Content-Type")).isEqualTo("application/pdf");
    }

    @Test
    void everyManifestCidNamesAPartOfThePackage() { // PKG-4, MAN-2
        WireMessage wire = encoder.encode(EncoderFixtures.userMessageWithTwoPayloads());
        List<EncodedParts.Part> parts = EncodedParts.split(wire);

        List<String> contentIds = parts.stream().skip(1).map(p -> p.header("Content-ID"))
                .map(id -> id.substring(1, id.length() - 1)).toList();
        List<String> named = all(EncodedXml.parse(parts.get(0).content()), EB, "Reference").stream()
                .map(r -> new ManifestReference(attr(r, XLINK, "href"), null, null, null, null).contentId()).toList();
        assertThat(named).containsExactlyElementsOf(contentIds);
    }

    @Test
    void theBoundaryOccursOnlyAsDelimiters() {
        WireMessage wire = encoder.encode(EncoderFixtures.userMessageWithTwoPayloads());
        String boundary = parameter(wire.contentType(), "boundary");
        String body = new String(wire.body(), StandardCharsets.ISO_8859_1);

        assertThat(countOccurrences(body, boundary)).isEqualTo(4); // three parts: three openers and the closer
        assertThat(body).startsWith("--" + boundary + "\r\n").endsWith("\r\n--" + boundary + "--\r\n");
        assertThat(boundary.length()).isLessThanOrEqualTo(70); // RFC 2046
    }

    @Test
    void eachPackageGetsItsOwnBoundaryAndSoapContentId() {
        WireMessage first = encoder.encode(EncoderFixtures.userMessage(100));
        WireMessage second = encoder.encode(EncoderFixtures.userMessage(100));

        assertThat(parameter(first.contentType(), "boundary")).isNotEqualTo(parameter(second.contentType(), "boundary"));
        assertThat(parameter(first.contentType(), "start")).isNotEqualTo(parameter(second.contentType(), "start"));
    }

    @Test
    void aBoundaryThatOccursInAPayloadIsReplacedByAnother() {
        EbmsMessage message = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("clash@x"))
                .payload(Payload.text("p@x", "text/plain", "look: --MIMEBoundary_AAAA inside")).build();
        EbmsEncoder scripted = new EbmsEncoder(tokens("AAAA", "BBBB", "CCCC"));

        WireMessage wire = scripted.encode(message);

        assertThat(parameter(wire.contentType(), "boundary")).isEqualTo("MIMEBoundary_BBBB");
        assertThat(parameter(wire.contentType(), "start")).isEqualTo("<ebxml-envelope-CCCC@ebrelay>");
        assertThat(EncodedParts.split(wire).get(1).content())
                .isEqualTo("look: --MIMEBoundary_AAAA inside".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBoundaryThatOccursInTheEnvelopeIsReplacedToo() {
        EbmsMessage message = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("MIMEBoundary_AAAA@x"))
                .payload(Payload.text("p@x", "text/plain", "x")).build();

        WireMessage wire = new EbmsEncoder(tokens("AAAA", "BBBB", "CCCC")).encode(message);

        assertThat(parameter(wire.contentType(), "boundary")).isEqualTo("MIMEBoundary_BBBB");
    }

    @Test
    void theEncoderGivesUpWhenEveryCandidateBoundaryOccursInThePayload() {
        EbmsMessage message = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("clash@x"))
                .payload(Payload.text("p@x", "text/plain", "MIMEBoundary_AAAA")).build();

        assertThatThrownBy(() -> new EbmsEncoder(() -> "AAAA").encode(message))
                .isInstanceOf(IllegalStateException.class);
    }

    static Stream<Named<byte[]>> payloadContents() {
        return Stream.of(named("HL7 v2 ER7 with CR segment separators", EncoderFixtures.hl7v2(2048)),
                named("CRLF text", "line 1\r\nline 2\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                named("lone CR and LF at the edges", "\rmiddle\n".getBytes(StandardCharsets.US_ASCII)),
                named("every byte value 0x00-0xFF", EncoderFixtures.allByteValues()),
                named("something that looks like a MIME delimiter", "\r\n--not-our-boundary--\r\n".getBytes(
                        StandardCharsets.US_ASCII)),
                named("empty", new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloadContents")
    void payloadOctetsComeOutExactly(byte[] content) { // PKG-8, §17.2: never change line endings
        EbmsMessage message = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("bytes@x"))
                .payload(new Payload("first@x", "application/octet-stream", content))
                .payload(new Payload("second@x", "application/hl7-v2", content)).build();

        List<EncodedParts.Part> parts = EncodedParts.split(encoder.encode(message));

        assertThat(parts.get(1).content()).isEqualTo(content);
        assertThat(parts.get(2).content()).isEqualTo(content);
    }

    @Test
    void aContentIdWithCharactersUrlsCannotCarryIsPercentEncodedInTheHref() { // PKG-4, PKG-9, RFC 2392
        String contentId = "part%1{x}#2\"q\"@lab";
        EbmsMessage message = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("cid@x"))
                .payload(Payload.text(contentId, "text/plain", "x")).build();

        WireMessage wire = encoder.encode(message);
        List<EncodedParts.Part> parts = EncodedParts.split(wire);

        String href = attr(EncodedXml.one(EncodedXml.parse(parts.get(0).content()), EB, "Reference"), XLINK, "href");
        assertThat(href).isEqualTo("cid:part%251%7Bx%7D%232%22q%22@lab");
        assertThat(new ManifestReference(href, null, null, null, null).contentId()).isEqualTo(contentId);
        assertThat(parts.get(1).header("Content-ID")).isEqualTo("<" + contentId + ">");
    }

    @Test
    void aManifestHrefAlreadyPercentEncodedStillNamesItsPayload() {
        Payload payload = Payload.text("a{b}@lab", "text/plain", "x");
        EbmsMessage message = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("enc@x")).payload(payload)
                .manifest(new Manifest(List.of(ManifestReference.toContentId("a%7bb%7d@lab")))).build();

        String soap = new String(EncodedParts.split(encoder.encode(message)).get(0).content(), StandardCharsets.UTF_8);

        assertThat(soap).contains("xlink:href=\"cid:a%7Bb%7D@lab\"");
    }

    @Test
    void aManifestHrefThatIsNotACidIsWrittenAsItIs() {
        EbmsMessage message = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("ext@x"))
                .manifest(new Manifest(List.of(new ManifestReference("https://example.org/doc?a=1&b=2", null, null,
                        null, null)))).build();

        WireMessage wire = encoder.encode(message);

        assertThat(wire.contentType()).isEqualTo("text/xml; charset=UTF-8");
        assertThat(attr(EncodedXml.one(EncodedXml.parse(wire.body()), EB, "Reference"), XLINK, "href"))
                .isEqualTo("https://example.org/doc?a=1&b=2");
    }

    @Test
    void aManifestCidThatNamesNoPayloadIsRefused() { // MAN-2: we never send a MimeProblem
        EbmsMessage message = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("dangling@x"))
                .payload(Payload.text("p@x", "text/plain", "x"))
                .manifest(new Manifest(List.of(ManifestReference.toContentId("p@x"),
                        ManifestReference.toContentId("missing@x")))).build();

        assertThatThrownBy(() -> encoder.encode(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cid:missing@x");
    }

    @Test
    void aPayloadTheManifestDoesNotReferenceIsRefused() { // MAN-4
        EbmsMessage message = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("orphan@x"))
                .payload(Payload.text("p@x", "text/plain", "x"))
                .payload(Payload.text("orphan@x", "text/plain", "y"))
                .manifest(new Manifest(List.of(ManifestReference.toContentId("p@x")))).build();

        assertThatThrownBy(() -> encoder.encode(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orphan@x");
    }

    @Test
    void twoPayloadsWithTheSameContentIdAreRefused() {
        EbmsMessage message = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("twins@x"))
                .payload(Payload.text("same@x", "text/plain", "x"))
                .payload(Payload.text("same@x", "text/plain", "y")).build();

        assertThatThrownBy(() -> encoder.encode(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same@x");
    }

    @Test
    void mimeHeaderValuesThatWouldBreakTheHeaderBlockAreRefused() {
        EbmsMessage injectedType = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("inject@x"))
                .payload(Payload.text("p@x", "text/plain\r\nX-Evil: 1", "x")).build();
        EbmsMessage bracketedId = EbmsMessageBuilder.withHeader(EncoderFixtures.userHeader("inject@x"))
                .payload(Payload.text("p>@x", "text/plain", "x")).build();

        assertThatThrownBy(() -> encoder.encode(injectedType)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Content-Type");
        assertThatThrownBy(() -> encoder.encode(bracketedId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Content-ID");
    }

    @Test
    void theEnvelopeAndThePackagingCanBeDoneInTwoStepsForASigner() {
        EbmsMessage message = EncoderFixtures.userMessage(500);
        byte[] envelope = encoder.envelope(message);

        WireMessage wire = encoder.packaged(envelope, message.payloads());

        assertThat(EncodedParts.split(wire).get(0).content()).isEqualTo(envelope);
        assertThat(encoder.packaged(envelope, List.of()).body()).isEqualTo(envelope);
    }

    private static java.util.function.Supplier<String> tokens(String... values) {
        Iterator<String> it = List.of(values).iterator();
        return it::next;
    }

    private static int countOccurrences(String haystack, String needle) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
