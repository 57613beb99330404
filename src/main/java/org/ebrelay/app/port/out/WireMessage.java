package org.ebrelay.app.port.out;

import java.util.Arrays;
import java.util.Objects;

/**
 * An ebXML message as bytes on the wire: the transport's Content-Type and the entity body (already
 * de-chunked). For a multipart/related package the Content-Type carries boundary, type and start.
 *
 * @param contentType the HTTP/MIME Content-Type header value; null when unknown (a bare XML file)
 * @param soapAction  the SOAPAction header value as received or to send, or null
 * @param body        the entity body
 */
public record WireMessage(String contentType, String soapAction, byte[] body) {
    /** The SOAPAction value ebMS 2.0 requires, quotes included. */
    public static final String EBXML_SOAP_ACTION = "\"ebXML\"";

    public WireMessage {
        Objects.requireNonNull(body, "body");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireMessage w && Objects.equals(contentType, w.contentType)
                && Objects.equals(soapAction, w.soapAction) && Arrays.equals(body, w.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, soapAction, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "WireMessage[" + contentType + ", " + body.length + " bytes]";
    }
}
