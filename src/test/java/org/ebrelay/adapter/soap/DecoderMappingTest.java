package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.Decoded;

import org.ebrelay.app.port.out.WireMessage;

import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ManifestReference;
import org.ebrelay.domain.message.MessageStatus;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.SequenceStatus;
import org.ebrelay.domain.message.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ebrelay.adapter.soap.DecoderNegativeCasesTest.swap;
import static org.ebrelay.adapter.soap.TestMessages.bare;
import static org.ebrelay.adapter.soap.TestMessages.mshMessage;
import static org.ebrelay.adapter.soap.TestMessages.userMessage;

/** How the decoder maps ebXML elements into the model, beyond what the golden samples show. */
class DecoderMappingTest {
    private static final EbmsDecoder DECODER = new EbmsDecoder();

    private static EbmsMessage valid(WireMessage wire) {
        Decoded decoded = DECODER.decode(wire);
        assertThat(decoded.problems()).isEmpty();
        return decoded.message();
    }

    @Test
    void resolvesElementsByNamespaceWhateverPrefixesTheSenderChose() {
        String renamed = userMessage().replace("soap:", "S:").replace("xmlns:soap=", "xmlns:S=")
                .replace("eb:", "ebxml:").replace("xmlns:eb=", "xmlns:ebxml=");
        EbmsMessage m = valid(TestMessages.packaged(renamed));

        assertThat(m.header().cpaId().value()).isEqualTo("CPA-1");
        assertThat(m.ackRequested()).isNotNull();
        assertThat(m.payloads()).hasSize(1);
    }

    @Test
    void keepsPayloadsInManifestOrderNotMimeOrderAndByteExact() {
        String manifest = "<eb:Manifest eb:version=\"2.0\" xmlns:hl7=\"urn:hl7-org:transport/ebXML/DSTUv1.0\">"
                + "<eb:Reference xlink:href=\"cid:second\" eb:id=\"r2\" xlink:role=\"urn:role:result\">"
                + "<eb:Schema eb:location=\"urn:schema:oru\"/><eb:Description xml:lang=\"nl\">uitslag</eb:Description>"
                + "<hl7:Payload style=\"HL7\" encoding=\"ER7\" version=\"2.5.1\"/></eb:Reference>"
                + "<eb:Reference xlink:href=\"cid:first%40example\"/></eb:Manifest>";
        String soap = swap(userMessage(), userMessage().substring(userMessage().indexOf("<eb:Manifest"),
                userMessage().indexOf("</soap:Body>")), manifest);
        String body = "--b\r\nContent-ID: <root>\r\n\r\n" + soap + "\r\n"
                + "--b\r\nContent-ID: <first@example>\r\nContent-Type: text/plain\r\n\r\nfirst\r\n"
                + "--b\r\nContent-ID: second\r\nContent-Type: application/hl7-v2; charset=ISO-8859-1\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nTVNIfF5+XCYNUElEfDEN\r\n--b--\r\n";
        EbmsMessage m = valid(new WireMessage("multipart/related; type=\"text/xml\"; boundary=b", null,
                body.getBytes(StandardCharsets.UTF_8)));

        assertThat(m.payloads()).extracting(Payload::contentId, Payload::contentType)
                .containsExactly(tuple("second", "application/hl7-v2; charset=ISO-8859-1"), tuple("first@example", "text/plain"));
        assertThat(m.payloads().get(0).content()).isEqualTo("MSH|^~\\&\rPID|1\r".getBytes(StandardCharsets.ISO_8859_1));
        ManifestReference reference = m.manifest().references().get(0);
        assertThat(reference.id()).isEqualTo("r2");
        assertThat(reference.role()).isEqualTo("urn:role:result");
        assertThat(reference.schemas()).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("urn:schema:oru");
            assertThat(s.version()).isNull();
        });
        assertThat(reference.descriptions()).singleElement()
                .satisfies(d -> assertThat(d.lang() + ":" + d.text()).isEqualTo("nl:uitslag"));
    }

    @Test
    void readsAckRequestedWithoutActorAsToPartyMshAndPrefersItOverNextMsh() {
        String next = "<eb:AckRequested eb:version=\"2.0\" soap:mustUnderstand=\"1\" eb:signed=\"true\" "
                + "soap:actor=\"urn:oasis:names:tc:ebxml-msg:actor:nextMSH\"/>";
        String soap = swap(swap(userMessage(), " soap:actor=\"urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH\"", ""),
                "<eb:AckRequested", next + "<eb:AckRequested");

        EbmsMessage m = valid(TestMessages.packaged(soap));

        assertThat(m.ackRequested().actor()).isEqualTo(Actor.TO_PARTY_MSH);
        assertThat(m.ackRequested().signed()).isFalse();
    }

    @Test
    void keepsErrorsOfAForeignCodeContextAsText() {
        String errorList = "<eb:ErrorList eb:version=\"2.0\" soap:mustUnderstand=\"1\" eb:highestSeverity=\"Warning\">"
                + "<eb:Error eb:codeContext=\"urn:nhs:names:error:tms\" eb:errorCode=\"206\" eb:severity=\"Warning\" "
                + "eb:location=\"//Header/MessageHeader\"><eb:Description xml:lang=\"en-GB\">routing delay</eb:Description>"
                + "</eb:Error></eb:ErrorList>";
        EbmsMessage m = valid(bare(mshMessage("MessageError", "msg-0@x", errorList, "")));

        assertThat(m.errorList().highestSeverity()).isEqualTo(Severity.WARNING);
        EbmsError error = m.errorList().errors().get(0);
        assertThat(error.codeContext()).isEqualTo("urn:nhs:names:error:tms");
        assertThat(error.errorCode()).isEqualTo("206");
        assertThat(error.knownCode()).isEmpty();
        assertThat(error.location()).isEqualTo("//Header/MessageHeader");
        assertThat(error.description()).isEqualTo("routing delay");
    }

    @Test
    void warnsWhenHighestSeverityDisagreesWithTheErrors() {
        String errorList = "<eb:ErrorList eb:version=\"2.0\" soap:mustUnderstand=\"1\" eb:highestSeverity=\"Warning\">"
                + "<eb:Error eb:errorCode=\"DeliveryFailure\" eb:severity=\"Error\"/></eb:ErrorList>";
        Decoded decoded = DECODER.decode(bare(mshMessage("MessageError", "msg-0@x", errorList, "")));

        assertThat(decoded.message().errorList().highestSeverity()).isEqualTo(Severity.ERROR);
        assertThat(decoded.problems()).singleElement().satisfies(p -> {
            assertThat(p.is(ErrorCode.INCONSISTENT)).isTrue();
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.location()).isEqualTo("//Header/ErrorList/@highestSeverity");
        });
    }

    @Test
    void readsMessageOrderResetAndAStatusResponseWithoutTimestamp() {
        String order = "<eb:MessageOrder eb:version=\"2.0\" soap:mustUnderstand=\"1\">"
                + "<eb:SequenceNumber eb:status=\"Reset\">00000000</eb:SequenceNumber></eb:MessageOrder>";
        EbmsMessage ordered = valid(TestMessages.packaged(swap(userMessage(), "</soap:Header>", order + "</soap:Header>")));
        EbmsMessage status = valid(bare(mshMessage("StatusResponse", "req@x", "", "<eb:StatusResponse eb:version=\"2.0\" "
                + "eb:messageStatus=\"NotRecognized\"><eb:RefToMessageId>asked@x</eb:RefToMessageId></eb:StatusResponse>")));

        assertThat(ordered.messageOrder().sequenceNumber()).isZero();
        assertThat(ordered.messageOrder().status()).isEqualTo(SequenceStatus.RESET);
        assertThat(status.statusResponse().status()).isEqualTo(MessageStatus.NOT_RECOGNIZED);
        assertThat(status.statusResponse().timestamp()).isNull();
    }

    @Test
    void trimsWhiteSpaceAroundIdentifiersFromPrettyPrintedSenders() {
        String spaced = swap(swap(userMessage(), ">CPA-1<", ">\n    CPA-1\n  <"), ">msg-1@example.org<", "> msg-1@example.org\t<");
        EbmsMessage m = valid(TestMessages.packaged(spaced));

        assertThat(m.header().cpaId().value()).isEqualTo("CPA-1");
        assertThat(m.messageId().value()).isEqualTo("msg-1@example.org");
    }

    @Test
    void readsAnAcknowledgmentFromTheNextMshWithoutFrom() {
        EbmsMessage m = valid(bare(swap(TestMessages.acknowledgment(""), "<eb:Acknowledgment eb:version=\"2.0\"",
                "<eb:Acknowledgment soap:actor=\"urn:oasis:names:tc:ebxml-msg:actor:nextMSH\" eb:version=\"2.0\"")));

        assertThat(m.acknowledgment().actor()).isEqualTo(Actor.NEXT_MSH);
        assertThat(m.acknowledgment().from()).isNull();
        assertThat(m.acknowledgment().references()).isEmpty();
    }

    @Test
    void acceptsAOnePartPackageForAMessageWithoutPayload() {
        String ping = mshMessage("Ping", null, "", "");
        String body = "--b\r\nContent-ID: <root>\r\nContent-Type: text/xml\r\n\r\n" + ping + "\r\n--b--\r\n";

        EbmsMessage m = valid(new WireMessage("multipart/related; type=\"text/xml\"; boundary=b; start=\"<root>\"", null,
                body.getBytes(StandardCharsets.UTF_8)));

        assertThat(m.payloads()).isEmpty();
        assertThat(m.manifest()).isNull();
    }
}
