package org.ebrelay.app.diagnose;

import org.ebrelay.app.PendingReplies;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.PartnerTransport;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one MSH request and gets the ebXML reply referring to it: from the HTTP response when the partner answers
 * synchronously, else through {@link PendingReplies} when the receive side gets it as a request of its own.
 */
final class MshExchange {
    /** Beyond the transport's own timeout, in case its future is late to complete. */
    private static final long TRANSPORT_GRACE_MILLIS = 1000;

    private static final Logger log = LoggerFactory.getLogger(MshExchange.class);

    private final MessageCodec codec;
    private final PartnerTransport transport;
    private final PendingReplies pendingReplies;
    private final Clock clock;
    private final Duration timeout;

    MshExchange(MessageCodec codec, PartnerTransport transport, PendingReplies pendingReplies, Clock clock,
                Duration timeout) {
        this.codec = codec;
        this.transport = transport;
        this.pendingReplies = pendingReplies;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * @param reply     the partner's ebXML reply (whatever its kind), or null on error
     * @param roundTrip from sending to having the reply (by the injected clock), or null on error
     * @param error     why there is no reply, or null
     */
    record Outcome(EbmsMessage reply, Duration roundTrip, String error) {
        static Outcome failed(String error) {
            return new Outcome(null, null, error);
        }
    }

    /** Waits up to the timeout for the HTTP exchange, then (if it brought no reply) up to the timeout again. */
    Outcome exchange(PartnerTarget target, EbmsMessage request) {
        MessageId id = request.messageId();
        String action = request.header().action();
        CompletableFuture<EbmsMessage> asyncReply = pendingReplies.register(id);
        try {
            Instant sentAt = clock.instant();
            SendOutcome sent = send(target, codec.encode(request));
            if (sent instanceof SendOutcome.RetryableFailure r) {
                return Outcome.failed("partner unreachable at " + target.endpoint() + ": " + r.reason());
            }
            if (sent instanceof SendOutcome.PermanentFailure p) {
                return Outcome.failed("partner refused the " + action + " (" + p.reason() + ")" + faultOf(p.body()));
            }
            WireMessage body = ((SendOutcome.Answered) sent).body();
            if (body != null && body.body().length > 0) {
                Outcome synchronous = synchronousReply(id, body, sentAt);
                if (synchronous != null) {
                    return synchronous;
                }
            }
            return awaitAsync(asyncReply, action, sentAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted while waiting for the partner");
        } finally {
            pendingReplies.cancel(id);
        }
    }

    private SendOutcome send(PartnerTarget target, WireMessage wire) throws InterruptedException {
        try {
            return transport.send(target.endpoint(), wire, timeout)
                    .get(timeout.toMillis() + TRANSPORT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new SendOutcome.RetryableFailure("no HTTP response within " + timeout, null);
        } catch (ExecutionException e) {
            return new SendOutcome.RetryableFailure(String.valueOf(e.getCause()), null);
        }
    }

    /** The reply on the HTTP response, an error for an answer that is not one, or null to wait for it. */
    private Outcome synchronousReply(MessageId requestId, WireMessage body, Instant sentAt) {
        Decoded decoded = codec.decode(body);
        if (decoded.receivedFault() != null) {
            return Outcome.failed("partner answered with a SOAP Fault: " + fault(decoded.receivedFault()));
        }
        if (decoded.message() == null) {
            String why = decoded.problems().stream().findFirst().map(EbmsError::description).orElse("unreadable");
            return Outcome.failed("partner answered with something that is not an ebXML message: " + why);
        }
        if (!requestId.equals(decoded.message().header().refToMessageId())) {
            log.info("synchronous answer to {} refers to {}; waiting for the reply", requestId,
                    decoded.message().header().refToMessageId());
            return null;
        }
        return new Outcome(decoded.message(), Duration.between(sentAt, clock.instant()), null);
    }

    private Outcome awaitAsync(CompletableFuture<EbmsMessage> asyncReply, String action, Instant sentAt)
            throws InterruptedException {
        try {
            EbmsMessage reply = asyncReply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(reply, Duration.between(sentAt, clock.instant()), null);
        } catch (TimeoutException e) {
            return Outcome.failed("timeout: no reply to the " + action + " within " + timeout);
        } catch (ExecutionException | CancellationException e) {
            return Outcome.failed("stopped waiting for the reply to the " + action);
        }
    }

    private String faultOf(WireMessage body) {
        if (body == null || body.body().length == 0) {
            return "";
        }
        SoapFault fault = codec.decode(body).receivedFault();
        return fault == null ? "" : ": SOAP Fault " + fault(fault);
    }

    private static String fault(SoapFault fault) {
        return fault.faultCode() + " " + fault.faultString();
    }
}
