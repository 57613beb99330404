package org.ebrelay.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Hl7DecodingTest {
    private final Hl7Decoding decoding = new Hl7Decoding();

    @Test
    void anEr7MessageIsShownAsSegmentsWithNumberedFieldsAndComponents() {
        String text = "MSH|^~\\&|HIS|RGH|LIS|NRL|20260115103000||OML^O21^OML_O21|MSG1|P|2.5.1\r"
                + "PID|1||P1^^^RGH^MR||Müller^Jürgen||19800101|M\r";

        Hl7Decoding.Decoded decoded = decoding.decode(text.getBytes(StandardCharsets.UTF_8), "application/hl7-v2");

        assertThat(decoded.error()).isNull();
        assertThat(decoded.version()).isEqualTo("2.5.1");
        assertThat(decoded.messageType()).isEqualTo("OML^O21^OML_O21");
        assertThat(decoded.segments()).extracting(Hl7Decoding.DecodedSegment::name).containsExactly("MSH", "PID");
        Hl7Decoding.DecodedSegment pid = decoded.segments().get(1);
        assertThat(pid.fields()).filteredOn(f -> f.position() == 5).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualTo("Müller^Jürgen");
            assertThat(f.components()).containsExactly("Müller", "Jürgen");
        });
        assertThat(decoded.segments().get(0).fields()).filteredOn(f -> f.position() == 10).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo("MSG1"));
    }

    @Test
    void somethingThatIsNotHl7V2IsShownAsTextWithTheReason() {
        Hl7Decoding.Decoded decoded = decoding.decode("<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8),
                "text/xml");

        assertThat(decoded.segments()).isEmpty();
        assertThat(decoded.text()).isEqualTo("<ClinicalDocument/>");
        assertThat(decoded.error()).contains("not an HL7 v2");
    }
}
