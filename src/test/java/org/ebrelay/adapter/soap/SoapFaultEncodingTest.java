package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.SoapFault;

import org.ebrelay.app.port.out.WireMessage;

import org.ebrelay.adapter.xml.XmlSchemas;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ebrelay.adapter.soap.EncodedXml.SOAP;
import static org.ebrelay.adapter.soap.EncodedXml.all;
import static org.ebrelay.adapter.soap.EncodedXml.childNames;
import static org.ebrelay.adapter.soap.EncodedXml.one;

/** SOAP 1.1 Faults (ERR-6, HTTP-5): what a receiver answers when no ebXML error can be addressed. */
class SoapFaultEncodingTest {
    private final EbmsEncoder encoder = new EbmsEncoder();

    @Test
    void aFaultIsASoap11EnvelopeWithAQualifiedFaultcode() {
        WireMessage wire = encoder.encodeFault(new SoapFault(SoapFault.CLIENT, "no eb:MessageHeader", "line 3"));

        assertThat(wire.contentType()).isEqualTo("text/xml; charset=UTF-8");
        Document doc = EncodedXml.parse(wire.body());
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SOAP);
        assertThat(root.getLocalName()).isEqualTo("Envelope");
        assertThat(childNames(root)).containsExactly("SOAP:Body");
        Element fault = one(doc, SOAP, "Fault");
        assertThat(childNames(fault)).containsExactly("{null}faultcode", "{null}faultstring", "{null}detail");

        Element faultcode = (Element) fault.getElementsByTagName("faultcode").item(0);
        String qname = faultcode.getTextContent();
        assertThat(qname).isEqualTo("SOAP:Client");
        assertThat(faultcode.lookupNamespaceURI(qname.substring(0, qname.indexOf(':')))).isEqualTo(SOAP);
        assertThat(fault.getElementsByTagName("faultstring").item(0).getTextContent()).isEqualTo("no eb:MessageHeader");
        assertThat(fault.getElementsByTagName("detail").item(0).getTextContent()).isEqualTo("line 3");
    }

    @Test
    void aFaultIsValidAgainstTheSoap11EnvelopeSchema() {
        byte[] body = encoder.encodeFault(new SoapFault(SoapFault.SERVER, "store down", "retry later")).body();

        assertThat(XmlSchemas.validate(XmlSchemas.ebmsEnvelope(), body)).isEmpty();
    }

    @Test
    void aFaultWithoutDetailHasNoDetailElement() {
        Document doc = EncodedXml.parse(encoder.encodeFault(SoapFault.client("bad")).body());

        assertThat(childNames(one(doc, SOAP, "Fault"))).containsExactly("{null}faultcode", "{null}faultstring");
    }

    @Test
    void aFaultcodeReceivedWithAnotherPrefixIsWrittenWithOurs() {
        Document doc = EncodedXml.parse(encoder.encodeFault(new SoapFault("SOAP-ENV:Server", "x", null)).body());

        assertThat(doc.getElementsByTagName("faultcode").item(0).getTextContent()).isEqualTo("SOAP:Server");
    }

    @Test
    void theFaultstringAndDetailAreEscaped() {
        String text = "<bad> & \"worse\" ]]>\r\n";
        Document doc = EncodedXml.parse(encoder.encodeFault(new SoapFault(SoapFault.CLIENT, text, text)).body());

        assertThat(doc.getElementsByTagName("faultstring").item(0).getTextContent()).isEqualTo(text);
        assertThat(doc.getElementsByTagName("detail").item(0).getTextContent()).isEqualTo(text);
        assertThat(all(doc, SOAP, "Fault")).hasSize(1);
    }

    @Test
    void aFaultcodeThatIsNotAnXmlNameIsRefused() {
        assertThatThrownBy(() -> encoder.encodeFault(new SoapFault("Client Error", "x", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Client Error");
    }
}
