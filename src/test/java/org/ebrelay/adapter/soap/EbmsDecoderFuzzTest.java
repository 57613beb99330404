package org.ebrelay.adapter.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.WireMessage;

/**
 * Coverage-guided fuzzing of the receiving codec with Jazzer. The input is a Content-Type line and the body after
 * it. Properties: the decoder never throws and always says what it made of the bytes (a message, a fault, or
 * problems); a message it read without problems encodes again and decodes to the same MessageId.
 *
 * <p>A normal test run replays only the seeds in {@code EbmsDecoderFuzzTestInputs/} (a second or two); fuzz for real
 * with {@code JAZZER_FUZZ=1 mvn test -Dtest=EbmsDecoderFuzzTest} (five minutes unless {@code -Djazzer.max_duration}
 * says otherwise); a crashing input is saved next to the seeds and replayed from then on.
 */
class EbmsDecoderFuzzTest {
    private static final EbmsDecoder DECODER = new EbmsDecoder(new EbmsDecoder.Options(64 * 1024, false));
    private static final EbmsEncoder ENCODER = new EbmsEncoder();

    @FuzzTest(maxDuration = "5m")
    void theDecoderNeverThrowsAndWhatItReadsRoundTrips(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        String contentType = new String(input, 0, Math.max(newline, 0), StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOfRange(input, newline + 1, input.length);

        Decoded decoded = DECODER.decode(new WireMessage(contentType, "\"ebXML\"", body));

        assertThat(decoded).isNotNull();
        assertThat(decoded.message() != null || decoded.receivedFault() != null || !decoded.problems().isEmpty()
                || decoded.faultCode() != null).as("the decoder says what it made of the input").isTrue();
        if (decoded.message() != null && decoded.problems().isEmpty()) {
            Decoded again = DECODER.decode(ENCODER.encode(decoded.message()));
            assertThat(again.message()).as("re-encoded %s", decoded.message()).isNotNull();
            assertThat(again.message().messageId()).isEqualTo(decoded.message().messageId());
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
