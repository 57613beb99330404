package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.Decoded;

import org.ebrelay.app.port.out.SoapFault;

import org.ebrelay.app.port.out.WireMessage;

import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Digest §19.2: every message kind ebrelay builds parses back to an equal model, with no problem found. */
class RoundTripTest {
    private final EbmsEncoder encoder = new EbmsEncoder();
    private final EbmsDecoder decoder = new EbmsDecoder();

    static Stream<Arguments> everyKind() {
        return Stream.of(
                Arguments.of("user message, 2 KB HL7 v2", EncoderFixtures.userMessage(2048)),
                Arguments.of("user message, two payloads", EncoderFixtures.userMessageWithTwoPayloads()),
                Arguments.of("ordered user message", EncoderFixtures.orderedUserMessage()),
                Arguments.of("untyped parties and service", EncoderFixtures.untypedUserMessage()),
                Arguments.of("acknowledgment", EncoderFixtures.acknowledgment(false)),
                Arguments.of("signed acknowledgment with ds:Reference copies", EncoderFixtures.acknowledgment(true)),
                Arguments.of("message error", EncoderFixtures.messageError()),
                Arguments.of("ping", EncoderFixtures.ping()),
                Arguments.of("pong", EncoderFixtures.pong()),
                Arguments.of("status request", EncoderFixtures.statusRequest()),
                Arguments.of("status response, received", EncoderFixtures.statusResponse(
                        MessageStatus.RECEIVED, EncoderFixtures.RECEIVED)),
                Arguments.of("status response, not recognized", EncoderFixtures.statusResponse(
                        MessageStatus.NOT_RECOGNIZED, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void encodingThenDecodingGivesBackTheSameMessage(String kind, EbmsMessage original) {
        WireMessage wire = encoder.encode(original);

        Decoded decoded = decoder.decode(wire);

        assertThat(decoded.problems()).as("problems found in our own output").isEmpty();
        assertThat(decoded.message()).usingRecursiveComparison().isEqualTo(original);
        assertThat(decoded.message()).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void theRoundTripSurvivesAStoredHttpDump(String kind, EbmsMessage original) {
        WireMessage wire = encoder.encode(original);
        byte[] dump = httpDump(wire);

        Decoded decoded = decoder.decode(WireInputs.read(dump));

        assertThat(decoded.problems()).isEmpty();
        assertThat(decoded.message()).isEqualTo(original);
    }

    @org.junit.jupiter.api.Test
    void aFaultWeBuildIsReadBackAsTheSameFault() {
        SoapFault fault = new SoapFault(SoapFault.CLIENT, "no eb:MessageHeader in the SOAP header", "detail <text>");

        Decoded decoded = decoder.decode(encoder.encodeFault(fault));

        assertThat(decoded.message()).isNull();
        assertThat(decoded.receivedFault()).isEqualTo(fault);
    }

    private static byte[] httpDump(WireMessage wire) {
        String head = "POST /ebms HTTP/1.1\r\nHost: partner.example.org\r\nContent-Type: " + wire.contentType()
                + "\r\nSOAPAction: " + wire.soapAction() + "\r\nContent-Length: " + wire.body().length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] dump = new byte[headBytes.length + wire.body().length];
        System.arraycopy(headBytes, 0, dump, 0, headBytes.length);
        System.arraycopy(wire.body(), 0, dump, headBytes.length, wire.body().length);
        return dump;
    }
}
