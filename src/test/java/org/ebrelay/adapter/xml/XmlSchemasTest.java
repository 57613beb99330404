package org.ebrelay.adapter.xml;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class XmlSchemasTest {
    private static final Path ROOT = Path.of("");

    @Test
    void aRealAcknowledgmentIsValidAgainstTheEnvelopeAndHeaderSchemas() throws Exception {
        byte[] ack = Files.readAllBytes(ROOT.resolve("src/test/resources/golden/03-nhs-spine-acknowledgment.xml"));
        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), ack)).isEmpty();
    }

    @Test
    void aMissingRequiredElementIsReportedWithItsLine() {
        String bad = """
                <SOAP:Envelope xmlns:SOAP="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:eb="http://www.oasis-open.org/committees/ebxml-msg/schema/msg-header-2_0.xsd">
                  <SOAP:Header>
                    <eb:MessageHeader eb:version="2.0" SOAP:mustUnderstand="1">
                      <eb:From><eb:PartyId>urn:a</eb:PartyId></eb:From>
                    </eb:MessageHeader>
                  </SOAP:Header>
                  <SOAP:Body/>
                </SOAP:Envelope>
                """;
        var violations = XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), bad.getBytes(StandardCharsets.UTF_8));
        assertThat(violations).isNotEmpty();
        assertThat(violations.get(0).line()).isEqualTo(6);
    }

    @Test
    void aDoctypeIsRefusedWithoutFetchingAnything() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE x [ <!ENTITY e SYSTEM "file:///etc/passwd"> ]>
                <x>&e;</x>
                """;
        var violations = XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(violations).singleElement().extracting(XmlSchemas.Violation::message).asString()
                .containsIgnoringCase("DOCTYPE");
    }

    @Test
    void aReusedParserStaysHardenedAndRecoversFromAFatalError() throws Exception {
        byte[] ack = Files.readAllBytes(ROOT.resolve("src/test/resources/golden/03-nhs-spine-acknowledgment.xml"));
        byte[] xxe = "<!DOCTYPE x [ <!ENTITY e SYSTEM \"file:///etc/passwd\"> ]>\n<x>&e;</x>".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(ack, ack.length / 2);

        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), ack)).isEmpty();
        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), truncated)).hasSize(1);
        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), xxe)).singleElement()
                .extracting(XmlSchemas.Violation::message).asString().containsIgnoringCase("DOCTYPE");
        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), ack)).isEmpty();
    }

    @Test
    void theExampleCpaIsValidAgainstTheCppaSchema() throws Exception {
        byte[] cpa = Files.readAllBytes(ROOT.resolve("cpa/example-hl7v2-laboratory.xml"));
        assertThat(XmlSchemas.validate(XmlSchemas.cpa(), cpa)).isEmpty();
    }

    @Test
    void theDemoCpaIsValidAgainstTheCppaSchema() throws Exception {
        byte[] cpa = Files.readAllBytes(ROOT.resolve("cpa/demo-hospital-lab.xml"));
        assertThat(XmlSchemas.validate(XmlSchemas.cpa(), cpa)).isEmpty();
    }
}
