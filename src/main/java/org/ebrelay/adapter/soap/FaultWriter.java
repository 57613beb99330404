package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.SoapFault;

/**
 * Writes a SOAP 1.1 Fault envelope. The faultcode is a QName in the SOAP namespace ({@code SOAP:Client});
 * the detail text goes into one child element, because the SOAP 1.1 schema gives detail element content
 * only: a reader taking the text content of detail gets it back.
 */
final class FaultWriter {
    /** Namespace of the element that carries the detail text. */
    static final String DETAIL_NS = "urn:ebrelay:soap-fault";

    private FaultWriter() {
    }

    static byte[] write(SoapFault fault) {
        XmlTextWriter xml = new XmlTextWriter(512);
        xml.start("SOAP:Envelope").attribute("xmlns:SOAP", EnvelopeWriter.SOAP_NS);
        xml.start("SOAP:Body").start("SOAP:Fault");
        xml.element("faultcode", "SOAP:" + localPart(fault.faultCode()));
        xml.element("faultstring", fault.faultString());
        if (fault.detail() != null) {
            xml.start("detail").start("ebrelay:Detail").attribute("xmlns:ebrelay", DETAIL_NS)
                    .text(fault.detail()).end().end();
        }
        xml.end().end().end();
        return xml.toUtf8();
    }

    /** A code received with some partner's prefix ("SOAP-ENV:Server") is written in our prefix. */
    private static String localPart(String code) {
        return WireText.requireNcName(code.substring(code.lastIndexOf(':') + 1), "faultcode");
    }
}
