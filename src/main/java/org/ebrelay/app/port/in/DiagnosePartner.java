package org.ebrelay.app.port.in;

import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;

import java.time.Duration;
import java.time.Instant;

/** Asks a partner's MSH directly, for onboarding and diagnosis. */
public interface DiagnosePartner {
    /** Sends a Ping and waits for the Pong (synchronous when the CPA allows, else until the asynchronous one). */
    PingResult ping(CpaId cpaId, PartyId from, PartyId to);

    /** Sends a StatusRequest about {@code messageId} and waits for the StatusResponse. */
    StatusResult requestStatus(CpaId cpaId, PartyId from, PartyId to, String messageId);

    /** @param error null when a Pong came back */
    record PingResult(boolean ok, String pingMessageId, String pongMessageId, Duration roundTrip, String error) {
    }

    /** @param status Received, Processed, NotRecognized, UnAuthorized or Forwarded; null on error */
    record StatusResult(String status, Instant timestamp, String error) {
    }
}
