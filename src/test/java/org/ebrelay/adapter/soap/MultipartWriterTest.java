package org.ebrelay.adapter.soap;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The boundary search must find every occurrence a naive search finds, wherever it is. */
class MultipartWriterTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void findsTheNeedleAtTheStartInTheMiddleAndAtTheEnd() {
        byte[] needle = ascii("MIMEBoundary_ab");
        assertThat(MultipartWriter.indexOf(ascii("MIMEBoundary_ab tail"), needle)).isEqualTo(0);
        assertThat(MultipartWriter.indexOf(ascii("xx MIMEBoundary_MIMEBoundary_ab yy"), needle)).isEqualTo(16);
        assertThat(MultipartWriter.indexOf(ascii("head MIMEBoundary_ab"), needle)).isEqualTo(5);
    }

    @Test
    void reportsAbsenceIncludingWhenTheNeedleIsLongerThanTheContent() {
        byte[] needle = ascii("MIMEBoundary_ab");
        assertThat(MultipartWriter.indexOf(ascii("MIMEBoundary_a"), needle)).isEqualTo(-1);
        assertThat(MultipartWriter.indexOf(ascii("MIMEBoundary_ac MIMEBoundary_bb"), needle)).isEqualTo(-1);
        assertThat(MultipartWriter.indexOf(new byte[0], needle)).isEqualTo(-1);
    }

    @Test
    void agreesWithANaiveSearchOnRandomBinaryContent() {
        Random random = new Random(20261122);
        for (int round = 0; round < 2000; round++) {
            byte[] needle = new byte[1 + random.nextInt(6)];
            byte[] haystack = new byte[random.nextInt(200)];
            fill(random, needle);
            fill(random, haystack);
            if (haystack.length > needle.length && random.nextBoolean()) {
                System.arraycopy(needle, 0, haystack, random.nextInt(haystack.length - needle.length), needle.length);
            }
            assertThat(MultipartWriter.indexOf(haystack, needle)).as("round %d", round).isEqualTo(naive(haystack, needle));
        }
    }

    /** Bytes from a small alphabet, so partial matches are frequent, including high (negative) byte values. */
    private static void fill(Random random, byte[] bytes) {
        byte[] alphabet = {'a', 'b', (byte) 0xFF, (byte) 0x80};
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = alphabet[random.nextInt(alphabet.length)];
        }
    }

    private static int naive(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
