package org.ebrelay.adapter.http;

import org.ebrelay.app.port.out.WireMessage;

import java.nio.charset.StandardCharsets;

/** Wire messages and SOAP bodies shared by the HTTP adapter tests. */
final class TestMessages {
    static final String BOUNDARY = "----=_Part_ebrelay_test";
    static final String MULTIPART_TYPE = "multipart/related; type=\"text/xml\"; boundary=\"" + BOUNDARY
            + "\"; start=\"<soap-part@ebrelay>\"";

    private TestMessages() {
    }

    /** An ebMS-shaped multipart/related package with an HL7 v2 part padded to about {@code size} bytes. */
    static WireMessage multipart(int size) {
        StringBuilder hl7 = new StringBuilder("MSH|^~\\&|LAB|HOSP|EHR|HOSP|20261121120000||ORU^R01|MSG0001|P|2.5.1\r");
        int segment = 0;
        while (hl7.length() < size - 900) {
            hl7.append("OBX|").append(++segment).append("|NM|GLU^Glucose||").append(90 + segment % 10)
                    .append("|mg/dL|70-110|N|||F\r");
        }
        String body = "--" + BOUNDARY + "\r\n"
                + "Content-ID: <soap-part@ebrelay>\r\nContent-Type: text/xml; charset=UTF-8\r\n\r\n"
                + "<SOAP:Envelope xmlns:SOAP=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:eb=\"http://www.oasis-open.org/committees/ebxml-msg/schema/msg-header-2_0.xsd\">"
                + "<SOAP:Header><eb:MessageHeader SOAP:mustUnderstand=\"1\" eb:version=\"2.0\"/></SOAP:Header>"
                + "<SOAP:Body><eb:Manifest eb:version=\"2.0\"/></SOAP:Body></SOAP:Envelope>\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-ID: <hl7@ebrelay>\r\nContent-Type: application/hl7-v2; charset=UTF-8\r\n\r\n"
                + hl7 + "\r\n--" + BOUNDARY + "--\r\n";
        return new WireMessage(MULTIPART_TYPE, WireMessage.EBXML_SOAP_ACTION, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A SOAP 1.1 Fault envelope whose faultcode text is {@code faultCodeQName}, prefix bound as given. */
    static byte[] fault(String prefixDeclarations, String faultCodeQName) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" " + prefixDeclarations + ">"
                + "<s:Body><s:Fault><faultcode>" + faultCodeQName + "</faultcode>"
                + "<faultstring>test fault</faultstring></s:Fault></s:Body></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fault(String standardCode) {
        return fault("", "s:" + standardCode);
    }
}
