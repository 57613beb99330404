package org.ebrelay.adapter.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.Arrays;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.WireMessage;

/**
 * Coverage-guided fuzzing of the receiving codec with Jazzer. The input is a Content-Type line and the body after
 * it. Properties: the decoder never throws and always says what it made of the bytes (a message, a fault, or
 * problems); a message it read without problems encodes again and decodes to the same MessageId.
 *
 * <p>A normal test run replays the seeds in {@code EbmsDecoderFuzzTestInputs/} through the same property without
 * Jazzer (its agent costs a minute and more to start here, for nothing while only seeds run); fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=EbmsDecoderFuzzTest} (for {@code maxDuration}); a crashing input is saved next
 * to the seeds and replayed from then on.
 */
class EbmsDecoderFuzzTest {
    private static final EbmsDecoder DECODER = new EbmsDecoder(new EbmsDecoder.Options(64 * 1024, false));
    private static final EbmsEncoder ENCODER = new EbmsEncoder();

    static final Path SEEDS = Path.of("src/test/resources/org/ebrelay/adapter/soap/EbmsDecoderFuzzTestInputs",
            "theDecoderNeverThrowsAndWhatItReadsRoundTrips");

    @FuzzTest(maxDuration = "5m")
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void theDecoderNeverThrowsAndWhatItReadsRoundTrips(byte[] input) {
        holdsFor(input);
    }

    static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everySeedHoldsTheProperty(Path seed) throws IOException {
        holdsFor(Files.readAllBytes(seed));
    }

    private static void holdsFor(byte[] input) {
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
