package org.ebrelay.adapter.hl7;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class Hl7MessageIdsTest {
    private static final Hl7MessageIds IDS = new Hl7MessageIds();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static final String ADT_251 = String.join("\r",
            "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240101120000||ADT^A01^ADT_A01|MSG-251-0001|P|2.5.1",
            "EVN|A01|20240101120000",
            "PID|1||123456^^^HOSP^MR||DOE^JOHN||19800101|M",
            "PV1|1|I");
    private static final String ORU_23 = String.join("\r",
            "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|199912271408||ORU^R01|CNTRL-3456|P|2.3",
            "PID|||555-44-4444||EVERYWOMAN^EVE^E^^^^L",
            "OBR|1|845439^GHH OE|1045813^GHH LAB|15545^GLUCOSE",
            "OBX|1|SN|1554-5^GLUCOSE||^182|mg/dl|70_105|H|||F");

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void readsMsh10OfAnEr7Version251Message() {
        assertThat(IDS.extract("application/hl7-v2", ascii(ADT_251))).contains("MSG-251-0001");
    }

    @Test
    void readsMsh10OfAnEr7Version23Message() {
        assertThat(IDS.extract("x-application/hl7-v2+er7", ascii(ORU_23))).contains("CNTRL-3456");
    }

    @Test
    void toleratesLineFeedsAndCrLfBetweenSegments() {
        assertThat(IDS.extract("text/plain", ascii(ORU_23.replace("\r", "\n")))).contains("CNTRL-3456");
        assertThat(IDS.extract("text/plain", ascii(ORU_23.replace("\r", "\r\n")))).contains("CNTRL-3456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/hl7-v2", "x-application/hl7-v2+er7", "text/plain", "text/xml",
            "application/xml", "application/octream", "application/octet-stream", ""})
    @NullSource
    void recognisesEr7ByContentWhateverTheContentTypeSays(String contentType) {
        assertThat(IDS.extract(contentType, ascii(ADT_251))).contains("MSG-251-0001");
    }

    @Test
    void unescapesSeparatorsWrittenInsideTheId() {
        String message = "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240101||ADT^A01|A\\F\\B\\S\\C|P|2.5.1\rPID|1";

        assertThat(IDS.extract("application/hl7-v2", ascii(message))).contains("A|B^C");
    }

    @Test
    void readsTheFirstComponentOfTheFirstRepetitionAsHapisTerserDoes() {
        String message = "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240101||ADT^A01|ID-9&SUB^COMP~REP|P|2.5.1\rPID|1";

        assertThat(IDS.extract("application/hl7-v2", ascii(message))).contains("ID-9");
    }

    @Test
    void findsNoIdInAnMshThatEndsBeforeField10() {
        assertThat(IDS.extract("application/hl7-v2", ascii("MSH|^~\\&|LAB|HOSP|EHR\rPID|1"))).isEmpty();
    }

    @Test
    void readsTheIdOfAMessageWithOtherSeparators() {
        String message = "MSH#$~\\&#LAB#HOSP#EHR#CLINIC#20240101##ADT$A01#ID-77#P#2.5.1\rPID#1";

        assertThat(IDS.extract("application/hl7-v2", ascii(message))).contains("ID-77");
    }

    @Test
    void decodesTheIdInTheCharsetMsh18Names() {
        String message = "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240101||ADT^A01|Zürich-001|P|2.5.1|||||DE|8859/1\rPID|1";
        byte[] latin1 = message.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(IDS.extract("application/hl7-v2", latin1)).contains("Zürich-001");
    }

    @Test
    void decodesTheIdAsUtf8WhenMsh18NamesUnicodeUtf8() {
        String message = "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240101||ADT^A01|Zürich-002|P|2.5.1|||||DE|UNICODE UTF-8\r";

        assertThat(IDS.extract(null, message.getBytes(StandardCharsets.UTF_8))).contains("Zürich-002");
    }

    @Test
    void decodesTheIdInAMultiByteCharsetMsh18Names() {
        String message = "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240101||ADT^A01|北京-004|P|2.5.1|||||CN|GB 18030-2000\r"
                + "PID|1||||王^小明\r";

        assertThat(IDS.extract(null, message.getBytes(java.nio.charset.Charset.forName("GB18030"))))
                .contains("北京-004");
    }

    @Test
    void fallsBackToTheContentTypeCharsetWithoutMsh18() {
        String message = "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240101||ADT^A01|Zürich-003|P|2.5.1\r";
        byte[] latin1 = message.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(IDS.extract("text/plain; charset=\"ISO-8859-1\"", latin1)).contains("Zürich-003");
    }

    @Test
    void readsAUtf16MessageThatStartsWithAByteOrderMark() {
        byte[] utf16 = ("\uFEFF" + ADT_251).getBytes(StandardCharsets.UTF_16LE);

        assertThat(IDS.extract("application/hl7-v2", utf16)).contains("MSG-251-0001");
    }

    @Test
    void skipsMllpFramingAndLeadingWhitespace() {
        byte[] framed = ascii("\u000B\n  " + ADT_251 + "\u001C\r");

        assertThat(IDS.extract("application/hl7-v2", framed)).contains("MSG-251-0001");
    }

    @Test
    void readsTheFirstMessageOfABatch() {
        String batch = "FHS|^~\\&|LAB\rBHS|^~\\&|LAB\r" + ADT_251 + "\rBTS|1\rFTS|1";

        assertThat(IDS.extract("application/hl7-v2", ascii(batch))).contains("MSG-251-0001");
    }

    @Test
    void readsTheIdOfAVersionHapiDoesNotKnow() {
        String message = "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240101||ADT^A01|FUTURE-1|P|2.9.9\rPID|1";

        assertThat(IDS.extract("application/hl7-v2", ascii(message))).contains("FUTURE-1");
    }

    @Test
    void readsTheIdOfAMessageWhoseBodyDoesNotMatchItsStructure() {
        String message = "MSH|^~\\&|A|B|C|D|20240101||ZZZ^Z99|ODD-1|P|2.5.1\rZXY|what|ever\rOBX|||||\r";

        assertThat(IDS.extract("application/hl7-v2", ascii(message))).contains("ODD-1");
    }

    @Test
    void honoursOtherDelimiters() {
        String message = "MSH#$%*@#LAB#HOSP#EHR#CLINIC#20240101##ADT$A01#DELIM-1#P#2.5.1\rPID#1";

        assertThat(IDS.extract("application/hl7-v2", ascii(message))).contains("DELIM-1");
    }

    @Test
    void isEmptyWhenMsh10IsEmpty() {
        String message = "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240101||ADT^A01||P|2.5.1\rPID|1";

        assertThat(IDS.extract("application/hl7-v2", ascii(message))).isEmpty();
    }

    @Test
    void isEmptyWhenTheMshSegmentIsCutShort() {
        assertThat(IDS.extract("application/hl7-v2", ascii("MSH|^~\\&|LAB"))).isEmpty();
        assertThat(IDS.extract("application/hl7-v2", ascii("MSH|"))).isEmpty();
    }

    @Test
    void readsMsh10OfAV2XmlMessage() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ADT_A01 xmlns="urn:hl7-org:v2xml">
                  <MSH>
                    <MSH.1>|</MSH.1>
                    <MSH.2>^~\\&amp;</MSH.2>
                    <MSH.9><MSG.1>ADT</MSG.1><MSG.2>A01</MSG.2></MSH.9>
                    <MSH.10>XML-V2-0001</MSH.10>
                    <MSH.12><VID.1>2.5.1</VID.1></MSH.12>
                  </MSH>
                  <PID><PID.1>1</PID.1><PID.10>not this</PID.10></PID>
                </ADT_A01>
                """;

        assertThat(IDS.extract("application/xml", xml.getBytes(StandardCharsets.UTF_8))).contains("XML-V2-0001");
    }

    @Test
    void readsMsh10OfAV2XmlMessageWithoutNamespace() {
        String xml = "<ORU_R01><MSH><MSH.10> XML-V2-0002 </MSH.10></MSH></ORU_R01>";

        assertThat(IDS.extract("text/xml", xml.getBytes(StandardCharsets.UTF_8))).contains("XML-V2-0002");
    }

    @Test
    void readsAV3IdWithRootAndExtension() {
        String xml = """
                <MCCI_IN000002UV01 xmlns="urn:hl7-org:v3" ITSVersion="XML_1.0">
                  <id root="2.16.840.1.113883.19.1122.7" extension="CNTRL-3456"/>
                  <creationTime value="20240101120000"/>
                  <sender><device><id root="9.9.9" extension="not this"/></device></sender>
                </MCCI_IN000002UV01>
                """;

        assertThat(IDS.extract("text/xml", xml.getBytes(StandardCharsets.UTF_8)))
                .contains("2.16.840.1.113883.19.1122.7^CNTRL-3456");
    }

    @Test
    void readsAV3IdWithRootOnly() {
        String xml = "<?xml version='1.0'?><hl7:PRPA_IN201301UV02 xmlns:hl7='urn:hl7-org:v3'>"
                + "<hl7:realmCode code='UV'/><hl7:id root='C7A2D1F0-1A2B-4C3D-8E9F-001122334455'/></hl7:PRPA_IN201301UV02>";

        assertThat(IDS.extract("application/xml", xml.getBytes(StandardCharsets.UTF_8)))
                .contains("C7A2D1F0-1A2B-4C3D-8E9F-001122334455");
    }

    @Test
    void isEmptyForAV3MessageWhoseIdHasNoRoot() {
        String xml = "<QUPA_IN000006UK02 xmlns='urn:hl7-org:v3'><id extension='only'/></QUPA_IN000006UK02>";

        assertThat(IDS.extract("text/xml", xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void ignoresAnIdInAnotherNamespace() {
        String xml = "<QUPA_IN000006UK02 xmlns='urn:hl7-org:v3'><x:id xmlns:x='urn:other' root='1.2.3'/></QUPA_IN000006UK02>";

        assertThat(IDS.extract("text/xml", xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void isEmptyForTheStubV3PayloadOfGoldenSample01() throws IOException {
        String mime = Files.readString(GOLDEN.resolve("01-nhs-spine-hl7v3-request-with-payload.mime"));
        byte[] payload = partBody(mime, "Content-Id: <5BB171D4-53B2-4986-90CF-428BE6D157F5@spine.nhs.uk>",
                "----=_MIME-Boundary");

        assertThat(new String(payload, StandardCharsets.UTF_8)).contains("QUPA_IN000006UK02");
        assertThat(IDS.extract("text/xml; charset=UTF-8", payload)).isEmpty();
    }

    @Test
    void readsTheV3IdOfThePayloadEbmsCoreSent() throws IOException {
        String capture = Files.readString(GOLDEN.resolve(
                "ebms-core-captures/01-reliable-sync-ack/peer-to-gateway/001-request.decoded.txt"));
        byte[] payload = partBody(capture, "Content-ID: <f56b272b-3f39-47d2-b7b6-69fe5a14191f>",
                "---=6158cae0-b77b-4291-bfb8-23b32ffb3794=-");

        assertThat(IDS.extract("application/xml", payload)).contains("2.25.118452870318213216476553409519541829817");
    }

    @Test
    void isEmptyForXmlThatIsNotHl7() {
        byte[] ping = "<?xml version=\"1.0\"?><ping xmlns=\"urn:test\">hello</ping>".getBytes(StandardCharsets.UTF_8);

        assertThat(IDS.extract("application/xml", ping)).isEmpty();
    }

    @Test
    void neverResolvesEntitiesOrDoctypes() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                + "<ADT_A01 xmlns=\"urn:hl7-org:v2xml\"><MSH><MSH.10>&e;</MSH.10></MSH></ADT_A01>";

        assertThat(IDS.extract("application/xml", xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void isEmptyForMalformedXml() {
        byte[] broken = "<ADT_A01 xmlns=\"urn:hl7-org:v2xml\"><MSH><MSH.10>X".getBytes(StandardCharsets.UTF_8);

        assertThat(IDS.extract("application/xml", broken)).isEmpty();
    }

    @Test
    void isEmptyForGarbageEmptyAndNullContent() {
        byte[] garbage = new byte[512];
        new java.util.Random(42).nextBytes(garbage);

        assertThat(IDS.extract("application/octet-stream", garbage)).isEmpty();
        assertThat(IDS.extract("text/plain", ascii("This is an sample message."))).isEmpty();
        assertThat(IDS.extract("text/plain", ascii("MSHX not a header"))).isEmpty();
        assertThat(IDS.extract("text/plain", ascii("   \n\t"))).isEmpty();
        assertThat(IDS.extract("application/hl7-v2", new byte[0])).isEmpty();
        assertThat(IDS.extract(null, null)).isEmpty();
    }

    /** The body of the MIME part whose header block contains {@code headerLine}, up to the next boundary. */
    private static byte[] partBody(String raw, String headerLine, String delimiter) {
        String mime = raw.replace("\r\n", "\n");
        int headers = mime.indexOf(headerLine);
        int body = mime.indexOf("\n\n", headers) + 2;
        int end = mime.indexOf("\n" + delimiter, body);
        return mime.substring(body, end).getBytes(StandardCharsets.UTF_8);
    }
}
