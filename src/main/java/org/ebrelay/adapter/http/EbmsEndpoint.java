package org.ebrelay.adapter.http;

import org.ebrelay.app.port.out.WireMessage;

/**
 * What the HTTP layer hands an ebMS POST to: the receive pipeline lives behind this port. Called on
 * one of the server's pooled threads, possibly concurrently; it may block (database commits).
 */
@FunctionalInterface
public interface EbmsEndpoint {
    /**
     * @param request the POST as received: Content-Type, SOAPAction and the de-chunked body
     * @param info    where it came from (peer address, TLS client certificates)
     * @return the HTTP answer; an exception becomes a 500 with a SOAP Fault (Server)
     */
    HttpReply handle(WireMessage request, TransportInfo info);
}
