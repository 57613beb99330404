package org.ebrelay.app.inbound;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ebrelay.app.port.out.PartnerTransport;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.cpa.Endpoint;
import org.ebrelay.domain.cpa.MshRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends MSH replies (Acknowledgments, MessageErrors, Pongs, StatusResponses) as requests of their own to the
 * partner's MSH endpoint (cpa-digest §3.2), off the request thread. Best effort: a few quick retries on a retryable
 * outcome, then it gives up. That is enough because a lost asynchronous Acknowledgment heals itself: the sender
 * resends, and the duplicate gets the stored Acknowledgment again (RM-R4).
 */
public final class AsyncReplies implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncReplies.class);

    private final PartnerTransport transport;
    private final Settings settings;
    private final ScheduledThreadPoolExecutor executor;
    /** Deliveries waiting for a retry, completed as given up when the replies shut down. */
    private final Map<Delivery, Integer> waitingForRetry = new ConcurrentHashMap<>();

    /**
     * @param attempts   sends per reply at most, the first included
     * @param retryDelay wait before each retry
     * @param timeout    how long one send may take
     * @param threads    threads that start the sends (the transport itself does not block them)
     */
    public record Settings(int attempts, Duration retryDelay, Duration timeout, int threads) {
        public Settings {
            if (attempts < 1 || threads < 1) {
                throw new IllegalArgumentException("attempts and threads must be at least 1");
            }
            Objects.requireNonNull(retryDelay, "retryDelay");
            Objects.requireNonNull(timeout, "timeout");
            if (retryDelay.isNegative() || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("retryDelay must not be negative and timeout must be positive");
            }
        }

        /** 3 attempts 2 s apart, 30 s per send, 2 threads. */
        public static Settings defaults() {
            return new Settings(3, Duration.ofSeconds(2), Duration.ofSeconds(30), 2);
        }
    }

    /**
     * How sending one reply ended.
     *
     * @param delivered the partner's MSH answered 2xx
     * @param attempts  sends made (0 when there was no endpoint or the replies were shut down)
     * @param detail    the last outcome, or why nothing was sent
     */
    public record Result(boolean delivered, int attempts, String detail) {
    }

    public AsyncReplies(PartnerTransport transport, Settings settings) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = new ScheduledThreadPoolExecutor(settings.threads(), daemonThreads());
        // Retries still waiting at shutdown are dropped: the sender's own resend covers them.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * Sends {@code reply} (an MSH message for {@code action}) from our party to theirs under the agreement of
     * {@code address}. Returns at once; the result completes when the reply was delivered or given up. Without an
     * endpoint for it in the CPA nothing is sent (logged; ERR-4).
     */
    CompletableFuture<Result> send(ReplyAddress address, String action, WireMessage reply, String about) {
        URI endpoint = address.agreement().mshRoute(address.us(), address.them(), action)
                .flatMap(MshRoute::asyncEndpoint).map(Endpoint::uri).orElse(null);
        if (endpoint == null) {
            LOG.warn("No endpoint of {} in CPA {} for an asynchronous {} about {}: not sent", address.them(),
                    address.agreement().cpaId(), action, about);
            return CompletableFuture.completedFuture(new Result(false, 0, "no endpoint in the CPA"));
        }
        return send(endpoint, reply, action + " about " + about);
    }

    /** Sends {@code reply} to {@code endpoint}; see {@link #send(ReplyAddress, String, WireMessage, String)}. */
    public CompletableFuture<Result> send(URI endpoint, WireMessage reply, String what) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        schedule(new Delivery(endpoint, reply, what, result), 1, Duration.ZERO);
        return result;
    }

    /** One reply on its way; identity matters (two equal replies are two deliveries). */
    private static final class Delivery {
        private final URI endpoint;
        private final WireMessage reply;
        private final String what;
        private final CompletableFuture<Result> result;

        Delivery(URI endpoint, WireMessage reply, String what, CompletableFuture<Result> result) {
            this.endpoint = endpoint;
            this.reply = reply;
            this.what = what;
            this.result = result;
        }

        URI endpoint() {
            return endpoint;
        }

        WireMessage reply() {
            return reply;
        }

        String what() {
            return what;
        }

        CompletableFuture<Result> result() {
            return result;
        }
    }

    private void schedule(Delivery delivery, int attempt, Duration delay) {
        try {
            if (delay.isZero()) {
                executor.execute(() -> attempt(delivery, attempt));
            } else {
                waitingForRetry.put(delivery, attempt - 1);
                executor.schedule(() -> attempt(delivery, attempt), delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException shutDown) {
            waitingForRetry.remove(delivery);
            giveUpAtShutdown(delivery, attempt - 1);
        }
    }

    private static void giveUpAtShutdown(Delivery delivery, int attempts) {
        LOG.info("Not sending {} to {}: replies are shut down", delivery.what(), delivery.endpoint());
        delivery.result().complete(new Result(false, attempts, "shut down"));
    }

    private void attempt(Delivery delivery, int attempt) {
        waitingForRetry.remove(delivery);
        CompletableFuture<SendOutcome> sent;
        try {
            sent = transport.send(delivery.endpoint(), delivery.reply(), settings.timeout());
        } catch (RuntimeException e) {
            sent = CompletableFuture.completedFuture(new SendOutcome.RetryableFailure(e.toString(), null));
        }
        sent.whenComplete((outcome, failure) -> settle(delivery, attempt, failure == null ? outcome
                : new SendOutcome.RetryableFailure(failure.toString(), null)));
    }

    private void settle(Delivery delivery, int attempt, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Answered answered) {
            LOG.debug("Sent {} to {} (HTTP {})", delivery.what(), delivery.endpoint(), answered.status());
            delivery.result().complete(new Result(true, attempt, "HTTP " + answered.status()));
        } else if (outcome instanceof SendOutcome.RetryableFailure retryable && attempt < settings.attempts()) {
            LOG.info("Sending {} to {} failed ({}); retry {} of {}", delivery.what(), delivery.endpoint(),
                    retryable.reason(), attempt, settings.attempts() - 1);
            schedule(delivery, attempt + 1, settings.retryDelay());
        } else {
            String reason = outcome instanceof SendOutcome.RetryableFailure r ? r.reason()
                    : ((SendOutcome.PermanentFailure) outcome).reason();
            LOG.warn("Gave up sending {} to {} after {} attempt(s): {}", delivery.what(), delivery.endpoint(),
                    attempt, reason);
            delivery.result().complete(new Result(false, attempt, reason));
        }
    }

    /**
     * Stops taking replies: sends already started or due now still run (waiting up to 5 s for them), pending
     * retries are dropped. Idempotent.
     */
    @Override
    public void close() {
        executor.shutdown();
        for (Delivery delivery : waitingForRetry.keySet()) {
            Integer attemptsMade = waitingForRetry.remove(delivery);
            if (attemptsMade != null) {
                giveUpAtShutdown(delivery, attemptsMade);
            }
        }
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ebms-async-reply-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
