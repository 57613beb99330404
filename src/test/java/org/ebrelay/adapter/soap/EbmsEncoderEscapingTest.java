package org.ebrelay.adapter.soap;

import org.ebrelay.adapter.xml.XmlSchemas;
import org.ebrelay.domain.message.Description;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.Manifest;
import org.ebrelay.domain.message.ManifestReference;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Severity;
import org.ebrelay.domain.message.SignatureReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ebrelay.adapter.soap.EncodedXml.EB;
import static org.ebrelay.adapter.soap.EncodedXml.XLINK;
import static org.ebrelay.adapter.soap.EncodedXml.all;
import static org.ebrelay.adapter.soap.EncodedXml.attr;
import static org.ebrelay.adapter.soap.EncodedXml.one;
import static org.ebrelay.adapter.soap.EncodedXml.text;

/** Values with markup, white space and non-ASCII come back exactly; what XML 1.0 cannot carry is refused. */
class EbmsEncoderEscapingTest {
    private static final String MARKUP = "a<b & c\"d'e>f ]]> g&amp;";
    private static final String WHITESPACE = "line1\r\nline2\rline3\n\ttabbed  two spaces ";
    private static final String UNICODE = "Zoë 中文 \uD83E\uDDEA test-tube";

    private final EbmsEncoder encoder = new EbmsEncoder();

    private static EbmsMessage withValues(String text, String attribute) {
        MessageHeader header = new MessageHeader(
                Party.of(PartyId.of(attribute, text), text), Party.of(PartyId.untyped("urn:b"), null),
                org.ebrelay.domain.message.CpaId.of(text), org.ebrelay.domain.message.ConversationId.of(text),
                org.ebrelay.domain.message.Service.of(attribute, text), text,
                new MessageData(MessageId.of(text), EncoderFixtures.NOW, MessageId.of(text), null), false,
                List.of(new Description("en", text)));
        return org.ebrelay.domain.message.EbmsMessageBuilder.withHeader(header)
                .errorList(ErrorList.of(new EbmsError("urn:x:" + "ctx", text, Severity.WARNING, attribute, text)))
                .build();
    }

    private Document roundTrip(EbmsMessage message) {
        return EncodedXml.parse(encoder.encode(message).body());
    }

    @Test
    void markupCharactersInTextAndAttributesComeBackExactly() {
        Document doc = roundTrip(withValues(MARKUP, MARKUP));

        assertValuesSurvived(doc, MARKUP, MARKUP);
    }

    @Test
    void carriageReturnsLineFeedsAndTabsComeBackExactlyInTextAndAttributes() {
        Document doc = roundTrip(withValues(WHITESPACE, WHITESPACE));

        assertValuesSurvived(doc, WHITESPACE, WHITESPACE);
    }

    @Test
    void nonAsciiAndSupplementaryCharactersAreWrittenAsUtf8() {
        byte[] body = encoder.encode(withValues(UNICODE, UNICODE)).body();

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("Zoë 中文 \uD83E\uDDEA");
        assertValuesSurvived(EncodedXml.parse(body), UNICODE, UNICODE);
    }

    @Test
    void escapedValuesStillValidateAgainstTheSchema() {
        byte[] body = encoder.encode(withValues(MARKUP + WHITESPACE, "urn:x:" + "%22quoted%22")).body();

        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), body)).isEmpty();
    }

    private static void assertValuesSurvived(Document doc, String text, String attribute) {
        Element header = one(doc, EB, "MessageHeader");
        Element partyId = one(one(header, EB, "From"), EB, "PartyId");
        assertThat(partyId.getTextContent()).isEqualTo(text);
        assertThat(attr(partyId, EB, "type")).isEqualTo(attribute);
        assertThat(text(one(header, EB, "From"), EB, "Role")).isEqualTo(text);
        assertThat(text(header, EB, "CPAId")).isEqualTo(text);
        assertThat(text(header, EB, "ConversationId")).isEqualTo(text);
        assertThat(text(header, EB, "Action")).isEqualTo(text);
        assertThat(text(header, EB, "MessageId")).isEqualTo(text);
        assertThat(text(header, EB, "RefToMessageId")).isEqualTo(text);
        assertThat(attr(one(header, EB, "Service"), EB, "type")).isEqualTo(attribute);
        assertThat(all(header, EB, "Description").get(0).getTextContent()).isEqualTo(text);
        Element error = one(doc, EB, "Error");
        assertThat(attr(error, EB, "errorCode")).isEqualTo(text);
        assertThat(attr(error, EB, "location")).isEqualTo(attribute);
        assertThat(text(error, EB, "Description")).isEqualTo(text);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0001", "0008", "000B", "000C", "001F", "FFFE", "FFFF", "D800", "DC00"})
    void aCharacterXmlCannotCarryIsRefusedInTextAndInAttributes(String hex) {
        String bad = "before" + (char) Integer.parseInt(hex, 16) + "after";

        assertThatThrownBy(() -> encoder.encode(withValues(bad, "urn:ok")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+" + hex);
        assertThatThrownBy(() -> encoder.encode(withValues("ok", bad)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+" + hex);
    }

    @Test
    void aHighSurrogateAtTheEndOfAValueIsRefused() {
        assertThatThrownBy(() -> encoder.encode(withValues("ends with \uD83E", "urn:ok")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+D83E");
    }

    @Test
    void aDescriptionLanguageThatIsNotALanguageTagIsRefused() {
        EbmsMessage message = EncoderFixtures.ping().toBuilder().header(withDescription(new Description("en US", "x")))
                .build();

        assertThatThrownBy(() -> encoder.encode(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en US");
    }

    @Test
    void aDescriptionWithoutTextIsLeftOutBecauseTheSchemaRequiresText() {
        EbmsMessage message = EncoderFixtures.ping().toBuilder().header(withDescription(new Description("en", "")))
                .build();

        byte[] body = encoder.encode(message).body();
        assertThat(all(EncodedXml.parse(body), EB, "Description")).isEmpty();
        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), body)).isEmpty();
    }

    @Test
    void timestampsAreTruncatedToTheMillisecondInUtc() {
        Instant precise = Instant.parse("2026-03-01T23:59:59.987654321+01:00");
        EbmsMessage message = EncoderFixtures.ping().toBuilder().header(headerAt(precise)).build();

        assertThat(text(roundTrip(message), EB, "Timestamp")).isEqualTo("2026-03-01T22:59:59.987Z");
    }

    @Test
    void aManifestReferenceWithAllItsPartsIsWrittenInSchemaOrder() {
        ManifestReference ref = new ManifestReference("cid:hl7-payload-0001@riverside-hospital.example.org",
                "hl7_payload.1", "urn:ebrelay:role:result", List.of(
                new ManifestReference.SchemaLocation("urn:hl7-org:v2/ORU_R01", "2.5.1")),
                List.of(Description.en("ORU^R01 <results> & more")));
        EbmsMessage message = EncoderFixtures.userMessage(200).toBuilder().manifest(new Manifest(List.of(ref))).build();

        byte[] soap = EbmsEncoderSchemaTest.soapPart(encoder.encode(message));
        Element written = one(EncodedXml.parse(soap), EB, "Reference");
        assertThat(EncodedXml.childNames(written)).containsExactly("eb:Schema", "eb:Description");
        assertThat(attr(written, EB, "id")).isEqualTo("hl7_payload.1");
        assertThat(attr(written, XLINK, "role")).isEqualTo("urn:ebrelay:role:result");
        assertThat(attr(one(written, EB, "Schema"), EB, "location")).isEqualTo("urn:hl7-org:v2/ORU_R01");
        assertThat(attr(one(written, EB, "Schema"), EB, "version")).isEqualTo("2.5.1");
        assertThat(text(written, EB, "Description")).isEqualTo("ORU^R01 <results> & more");
        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), soap)).isEmpty();
    }

    @Test
    void aManifestReferenceIdThatIsNotAnXmlNameIsRefused() {
        ManifestReference ref = new ManifestReference("cid:hl7-payload-0001@riverside-hospital.example.org",
                "1st payload", null, List.of(), List.of());
        EbmsMessage message = EncoderFixtures.userMessage(200).toBuilder().manifest(new Manifest(List.of(ref))).build();

        assertThatThrownBy(() -> encoder.encode(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1st payload");
    }

    @Test
    void aSignatureReferenceCopyWithoutDigestIsRefused() {
        EbmsMessage ack = EncoderFixtures.acknowledgment(false);
        EbmsMessage broken = ack.toBuilder().acknowledgment(new org.ebrelay.domain.message.Acknowledgment(
                EncoderFixtures.RECEIVED, MessageId.of("x@y"), null, null,
                List.of(new SignatureReference("", List.of(), null, "http://www.w3.org/2001/04/xmlenc#sha256", null))))
                .build();

        assertThatThrownBy(() -> encoder.encode(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DigestValue");
    }

    private static MessageHeader withDescription(Description description) {
        MessageHeader h = EncoderFixtures.ping().header();
        return new MessageHeader(h.from(), h.to(), h.cpaId(), h.conversationId(), h.service(), h.action(),
                h.messageData(), false, List.of(description));
    }

    private static MessageHeader headerAt(Instant timestamp) {
        MessageHeader h = EncoderFixtures.ping().header();
        return new MessageHeader(h.from(), h.to(), h.cpaId(), h.conversationId(), h.service(), h.action(),
                new MessageData(h.messageId(), timestamp, null, null), false, List.of());
    }
}
