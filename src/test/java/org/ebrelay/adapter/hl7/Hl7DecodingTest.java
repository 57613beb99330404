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

    @Test
    void anEr7MessageIsReadInTheCharsetItsMsh18NamesEvenWhenTheContentTypeSaysOtherwise() {
        String text = "MSH|^~\\&|HIS|RGH|LIS|NRL|20260115103000||ADT^A01|MSG2|P|2.5.1|||AL|NE||8859/1\r"
                + "PID|1||P1^^^RGH^MR||Müller^Jürgen\r";

        Hl7Decoding.Decoded decoded = decoding.decode(text.getBytes(StandardCharsets.ISO_8859_1),
                "application/hl7-v2; charset=UTF-8");

        assertThat(decoded.text()).contains("Müller^Jürgen");
    }

    @Test
    void anHl7V2XmlMessageIsShownAsSegments() {
        String xml = "<ADT_A01 xmlns=\"urn:hl7-org:v2xml\"><MSH><MSH.1>|</MSH.1><MSH.2>^~\\&amp;</MSH.2>"
                + "<MSH.9><MSG.1>ADT</MSG.1><MSG.2>A01</MSG.2></MSH.9><MSH.10>V2X-1</MSH.10>"
                + "<MSH.12><VID.1>2.5.1</VID.1></MSH.12></MSH>"
                + "<PID><PID.5><XPN.1><FN.1>Müller</FN.1></XPN.1></PID.5></PID></ADT_A01>";

        Hl7Decoding.Decoded decoded = decoding.decode(xml.getBytes(StandardCharsets.UTF_8), "application/hl7-v2+xml");

        assertThat(decoded.error()).isNull();
        assertThat(decoded.segments()).extracting(Hl7Decoding.DecodedSegment::name).contains("MSH", "PID");
        assertThat(decoded.segments()).filteredOn(s -> s.name().equals("PID")).singleElement()
                .satisfies(pid -> assertThat(pid.fields()).anySatisfy(f -> assertThat(f.value()).contains("Müller")));
    }

    @Test
    void anHl7V3DocumentIsShownAsXmlWithoutAnError() {
        String xml = "<PRPA_IN201301UV02 xmlns=\"urn:hl7-org:v3\"><id root=\"1.2\" extension=\"V3-1\"/>"
                + "</PRPA_IN201301UV02>";

        Hl7Decoding.Decoded decoded = decoding.decode(xml.getBytes(StandardCharsets.UTF_8), "application/hl7-v3+xml");

        assertThat(decoded.error()).isNull();
        assertThat(decoded.messageType()).isEqualTo("HL7 v3 XML");
        assertThat(decoded.text()).isEqualTo(xml);
    }

    @Test
    void xmlWithADoctypeIsNotHandedToHapi() {
        String xml = "<!DOCTYPE ADT_A01 [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                + "<ADT_A01 xmlns=\"urn:hl7-org:v2xml\"><MSH><MSH.10>&e;</MSH.10></MSH></ADT_A01>";

        Hl7Decoding.Decoded decoded = decoding.decode(xml.getBytes(StandardCharsets.UTF_8), "application/xml");

        assertThat(decoded.segments()).isEmpty();
        assertThat(decoded.error()).contains("DOCTYPE");
    }
}
