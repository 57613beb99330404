package org.ebrelay.app.port.out;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Posts a message to a partner's MSH, once: retrying is the caller's decision. */
public interface PartnerTransport {
    /** Completes with how the partner answered; never completes exceptionally for a transport failure. */
    CompletableFuture<SendOutcome> send(URI endpoint, WireMessage message, Duration timeout);
}
