package org.ebrelay.adapter.soap;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransferDecodingTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void passesIdentityEncodingsThroughUntouched() {
        byte[] raw = bytes("a\rb\r\nc\n");
        for (String encoding : new String[] {null, "", "7bit", "8BIT", "binary"}) {
            assertThat(TransferDecoding.decode(encoding, raw)).isEqualTo(raw);
        }
    }

    @Test
    void decodesBase64SplitOverLines() {
        assertThat(TransferDecoding.decode("base64", bytes("aGVs\r\nbG8g\n d29y bGQ=\r\n"))).isEqualTo(bytes("hello world"));
    }

    @Test
    void rejectsBase64WithCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> TransferDecoding.decode("base64", bytes("aGVs*bG8="))).hasMessageContaining("base64");
    }

    @Test
    void decodesQuotedPrintableEscapesSoftBreaksAndDropsTrailingBlanks() {
        assertThat(TransferDecoding.decode("quoted-printable", bytes("a=3Db=\r\nc  \r\nd=\ne")))
                .isEqualTo(bytes("a=bc\r\nde"));
    }

    @Test
    void rejectsAnInvalidQuotedPrintableEscape() {
        assertThatThrownBy(() -> TransferDecoding.decode("quoted-printable", bytes("a=ZZb"))).hasMessageContaining("'='");
    }

    @Test
    void rejectsAnUnknownEncoding() {
        assertThatThrownBy(() -> TransferDecoding.decode("x-gzip", bytes("a"))).hasMessageContaining("x-gzip");
    }
}
