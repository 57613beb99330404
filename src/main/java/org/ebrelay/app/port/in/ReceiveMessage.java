package org.ebrelay.app.port.in;

import org.ebrelay.app.port.out.WireMessage;

import java.security.cert.X509Certificate;
import java.util.List;

/** A partner's MSH posts an ebXML message to us: the receive pipeline. */
public interface ReceiveMessage {
    /**
     * Processes one POST and says what to answer on its HTTP response. Never throws for bad input: a problem is an
     * ebXML ErrorList (MessageError) or a SOAP Fault in the reply.
     *
     * @param clientCertificates the TLS client certificate chain, empty over plain HTTP
     */
    InboundReply receive(WireMessage request, List<X509Certificate> clientCertificates);

    /**
     * @param httpStatus 200 with a synchronous reply, 204 when received and the replies go asynchronously, 500
     *                   with a SOAP Fault
     * @param body       the reply, or null with 204
     */
    record InboundReply(int httpStatus, WireMessage body) {
        public static InboundReply noContent() {
            return new InboundReply(204, null);
        }

        public static InboundReply ok(WireMessage body) {
            return new InboundReply(200, body);
        }

        public static InboundReply fault(WireMessage fault) {
            return new InboundReply(500, fault);
        }
    }
}
