package org.ebrelay.adapter.hl7;

import org.ebrelay.app.port.out.PayloadRules.Checked;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What HL7 payloads must be to be accepted, and the charset their content type ends up carrying. */
class Hl7PayloadRulesTest {
    private static final String V3 = "<PRPA_IN201301UV02 xmlns=\"urn:hl7-org:v3\" ITSVersion=\"XML_1.0\">"
            + "<id root=\"2.16.840.1.113883.19.5\" extension=\"V3-1\"/></PRPA_IN201301UV02>";
    private static final String V2_XML = "<ADT_A01 xmlns=\"urn:hl7-org:v2xml\"><MSH><MSH.1>|</MSH.1>"
            + "<MSH.2>^~\\&amp;</MSH.2><MSH.10>V2X-1</MSH.10></MSH></ADT_A01>";

    private final Hl7PayloadRules rules = new Hl7PayloadRules();

    @Test
    void wellFormedHl7V3AndV2XmlAreAcceptedAsGiven() {
        assertThat(rules.check("application/hl7-v3+xml", bytes(V3))).isEqualTo(Checked.ok("application/hl7-v3+xml"));
        assertThat(rules.check("application/hl7-v2+xml", bytes(V2_XML)))
                .isEqualTo(Checked.ok("application/hl7-v2+xml"));
        assertThat(rules.check("text/xml", bytes(V3)).accepted()).isTrue();
    }

    @Test
    void xmlThatIsNotWellFormedIsRefusedSayingSo() {
        Checked checked = rules.check("application/hl7-v3+xml", bytes("<PRPA_IN201301UV02 xmlns=\"urn:hl7-org:v3\">"
                + "<id root=\"1\"></PRPA_IN201301UV02>"));

        assertThat(checked.accepted()).isFalse();
        assertThat(checked.problem()).startsWith("not well-formed XML");
    }

    @Test
    void xmlWithADoctypeIsRefusedSoNoEntityIsEverExpanded() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<x xmlns=\"urn:hl7-org:v3\">&e;</x>";

        assertThat(rules.check("application/xml", bytes(hostile)).problem()).contains("DOCTYPE");
    }

    @Test
    void xmlUnderAGenericTypeIsRecognisedByItsContent() {
        assertThat(rules.check("text/plain", bytes("<broken")).accepted()).isFalse();
        assertThat(rules.check("application/octet-stream", bytes(V3)).accepted()).isTrue();
    }

    @Test
    void anEr7MessageGetsTheCharsetItsMsh18NamesWhateverTheContentTypeSaid() {
        byte[] latin1 = er7("8859/1", "Müller").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(rules.check("application/hl7-v2", latin1).contentType())
                .isEqualTo("application/hl7-v2; charset=ISO-8859-1");
        assertThat(rules.check("application/hl7-v2; charset=UTF-8", latin1).contentType())
                .isEqualTo("application/hl7-v2; charset=ISO-8859-1");
        assertThat(rules.check("text/plain", er7("UNICODE UTF-8", "Müller").getBytes(StandardCharsets.UTF_8))
                .contentType()).isEqualTo("text/plain; charset=UTF-8");
    }

    @Test
    void anEr7MessageThatDoesNotDecodeInItsDeclaredCharsetIsRefused() {
        byte[] latin1ClaimingUtf8 = er7("UNICODE UTF-8", "Müller").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(rules.check("application/hl7-v2", latin1ClaimingUtf8).problem())
                .isEqualTo("the HL7 v2 message is not valid UTF-8 (as its MSH-18 declares)");
    }

    @Test
    void anEr7MessageWithoutMsh18KeepsTheContentTypeCharsetOrNone() {
        byte[] plain = er7("", "Muller").getBytes(StandardCharsets.US_ASCII);

        assertThat(rules.check("application/hl7-v2", plain)).isEqualTo(Checked.ok("application/hl7-v2"));
        assertThat(rules.check("application/hl7-v2;charset=\"iso-8859-1\"", plain).contentType())
                .isEqualTo("application/hl7-v2; charset=ISO-8859-1");
    }

    @Test
    void otherPayloadsPassUnchanged() {
        assertThat(rules.check("application/pdf", new byte[] {'%', 'P', 'D', 'F'}))
                .isEqualTo(Checked.ok("application/pdf"));
    }

    private static String er7(String msh18, String family) {
        return "MSH|^~\\&|HIS|RGH|LIS|NRL|20260115103000||ADT^A01|C-1|P|2.5.1|||AL|NE||" + msh18 + "\r"
                + "PID|1||P1^^^RGH^MR||" + family + "^Jürgen\r";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
