package org.ebrelay.adapter.rest;

import java.time.Instant;

/** The JSON of {@code POST /api/ping} and {@code POST /api/status-request}. */
final class PartnerBodies {
    private PartnerBodies() {
    }

    record PingRequest(String cpaId, String from, String to) {
    }

    record StatusRequest(String cpaId, String from, String to, String messageId) {
    }

    /** @param error null when a Pong came back */
    record PingResponse(boolean ok, String pingMessageId, String pongMessageId, Long roundTripMillis, String error) {
    }

    /** @param status Received, Processed, NotRecognized, UnAuthorized or Forwarded; null on error */
    record StatusResponse(String messageId, String status, Instant timestamp, String error) {
    }
}
