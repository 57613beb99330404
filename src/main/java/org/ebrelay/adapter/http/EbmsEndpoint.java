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

    /**
     * A request refused by the HTTP layer before it reached {@link #handle} (not a POST, too large, dropped while
     * uploading): for the record, see {@code RejectedRequests}. Nothing by default.
     *
     * @param size  bytes declared or received, -1 when not known
     * @param start the start of the body, or null
     */
    default void refused(String answer, String reason, String remote, long size, byte[] start) {
    }

    /** Where refusals go. */
    @FunctionalInterface
    interface Refusals {
        void refused(String answer, String reason, String remote, long size, byte[] start);
    }

    /** {@code handler} for the requests it gets, and {@code refusals} told of the ones refused before. */
    static EbmsEndpoint of(EbmsEndpoint handler, Refusals refusals) {
        return new EbmsEndpoint() {
            @Override
            public HttpReply handle(WireMessage request, TransportInfo info) {
                return handler.handle(request, info);
            }

            @Override
            public void refused(String answer, String reason, String remote, long size, byte[] start) {
                refusals.refused(answer, reason, remote, size, start);
            }
        };
    }
}
