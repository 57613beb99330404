package org.ebrelay.app.outbound;

import org.ebrelay.app.CrashPoints;
import org.ebrelay.app.IncomingSignals;
import org.ebrelay.app.outbound.pacing.PartnerGate;
import org.ebrelay.app.port.out.AttemptOutcome;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.OutboundMessages;
import org.ebrelay.app.port.out.PartnerTransport;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.app.port.out.StoreFailure;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.retry.FastRetryPolicy;
import org.ebrelay.domain.retry.RetryDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends what is due. One loop claims due messages from the store (the rows are the truth; a claim is a
 * compare-and-set, so several nodes can share one database), asks the retry policy whether each may go now, and
 * posts the stored bytes; outcomes are recorded on a small pool, off the HTTP client's threads. Woken by new
 * submissions, by finished attempts and by the Quartz sweep; otherwise it sleeps until the next due time.
 */
public final class OutboundDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);
    private static final Logger retries = LoggerFactory.getLogger("org.ebrelay.retries");

    private final OutboundMessages store;
    private final PartnerTransport transport;
    private final AttemptJudge judge;
    private final FastRetryPolicy policy;
    private final Clock clock;
    private final NodeId node;
    private final DispatchSettings settings;
    private final OutboundListener listener;
    private final PartnerGate gate;
    private final Semaphore inFlight;
    private final ExecutorService outcomes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;

    public OutboundDispatcher(OutboundMessages store, PartnerTransport transport, MessageCodec codec,
                              IncomingSignals signals, FastRetryPolicy policy, Clock clock, NodeId node,
                              DispatchSettings settings, OutboundListener listener) {
        this(store, transport, codec, signals, policy, clock, node, settings, listener, PartnerGate.unlimited(clock));
    }

    /** With per-partner pacing: concurrent sends, a send rate and a circuit breaker ({@link PartnerGate}). */
    public OutboundDispatcher(OutboundMessages store, PartnerTransport transport, MessageCodec codec,
                              IncomingSignals signals, FastRetryPolicy policy, Clock clock, NodeId node,
                              DispatchSettings settings, OutboundListener listener, PartnerGate gate) {
        this.gate = gate;
        this.store = store;
        this.transport = transport;
        this.judge = new AttemptJudge(codec, signals, policy);
        this.policy = policy;
        this.clock = clock;
        this.node = node;
        this.settings = settings;
        this.listener = listener;
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.outcomes = Executors.newFixedThreadPool(4, named("ebrelay-outcome-" + node));
    }

    /** Takes back this node's claims from before a restart, then starts the loop. */
    public void start() {
        int released = store.releaseClaims(node, clock.instant());
        if (released > 0) {
            log.info("resuming {} message(s) this node was sending when it stopped", released);
        }
        running = true;
        loop = named("ebrelay-dispatcher-" + node).newThread(this::run);
        loop.start();
    }

    /** Asks the loop to look for due work now. Cheap; safe from any thread. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            try {
                int claimed = claimAndSend();
                if (claimed == 0) {
                    sleepUntilDueOrWoken();
                }
            } catch (StoreFailure e) {
                log.warn("the store failed while dispatching, trying again shortly: {}", e.getMessage());
                waitForWakeUp(settings.idlePoll());
            } catch (RuntimeException e) {
                log.error("dispatcher error, continuing", e);
                waitForWakeUp(settings.idlePoll());
            }
        }
    }

    private int claimAndSend() {
        int room = Math.min(settings.batchSize(), inFlight.availablePermits());
        if (room == 0) {
            return 0; // every finished attempt wakes the loop
        }
        Instant now = clock.instant();
        List<ClaimedMessage> claimed = store.claimDue(node, now, now.plus(settings.claimLease()), room,
                gate.claimLimits());
        for (ClaimedMessage message : claimed) {
            dispatch(message, now);
        }
        return claimed.size();
    }

    private void dispatch(ClaimedMessage m, Instant now) {
        RetryDecision decision = policy.decide(m.retryFactsBeforeClaim(), now);
        if (decision instanceof RetryDecision.SendNow) {
            PartnerGate.Admission admission = gate.admit(m.endpointUrl());
            if (admission.admitted()) {
                send(m);
            } else { // held by pacing: not an attempt, no retry used up
                record(m, AttemptOutcome.notAttempted(m.claim(), now, handedBackTo(m), admission.retryAt(),
                        EventType.CLAIM_RELEASED, "held back: " + admission.reason()));
            }
            return;
        }
        AttemptOutcome notSent = notSent(m, decision, now);
        record(m, notSent);
    }

    private AttemptOutcome notSent(ClaimedMessage m, RetryDecision decision, Instant now) {
        if (decision instanceof RetryDecision.WaitUntil wait) {
            return AttemptOutcome.notAttempted(m.claim(), now, handedBackTo(m), wait.at(), EventType.CLAIM_RELEASED,
                    "not due before " + wait.at());
        }
        if (decision instanceof RetryDecision.RetriesExhausted exhausted) {
            return AttemptOutcome.notAttempted(m.claim(), now, OutboundState.MANUAL, null,
                    EventType.RETRIES_EXHAUSTED, "no acknowledgment after " + exhausted.attempts()
                            + " attempts and RetryInterval " + m.terms().retryInterval());
        }
        RetryDecision.Expired expired = (RetryDecision.Expired) decision;
        return AttemptOutcome.notAttempted(m.claim(), now, OutboundState.EXPIRED, null, EventType.EXPIRED,
                expired.reason() + " passed at " + expired.at());
    }

    private static OutboundState handedBackTo(ClaimedMessage m) {
        return m.claimedFrom() == OutboundState.SENDING ? OutboundState.RETRYING : m.claimedFrom();
    }

    private void send(ClaimedMessage m) {
        CrashPoints.reach(CrashPoints.BEFORE_SEND);
        inFlight.acquireUninterruptibly();
        Instant started = clock.instant();
        WireMessage wire = new WireMessage(m.wire().contentType(), m.soapAction(), m.wire().body());
        transport.send(URI.create(m.endpointUrl()), wire, settings.responseTimeout())
                .whenCompleteAsync((outcome, error) -> {
                    try {
                        SendOutcome result = outcome != null ? outcome
                                : new SendOutcome.RetryableFailure("send failed: " + error, null);
                        gate.finished(m.endpointUrl(), result);
                        Instant ended = clock.instant();
                        listener.attempted(m.heading(), Duration.between(started, ended), m.attempts() > 1);
                        record(m, judge.judge(m, result, ended));
                    } finally {
                        inFlight.release();
                        wake();
                    }
                }, outcomes);
    }

    private void record(ClaimedMessage m, AttemptOutcome outcome) {
        MDC.put("messageId", m.heading().messageId().value());
        MDC.put("cpaId", m.heading().cpaId().value());
        try {
            if (!store.recordAttempt(outcome)) {
                log.debug("claim on {} no longer current (settled meanwhile)", m.heading().messageId());
                return;
            }
            tell(m, outcome);
        } catch (StoreFailure e) {
            // the claim's lease runs out and the message is taken up again: nothing is lost
            log.warn("could not record an attempt on {}: {}", m.heading().messageId(), e.getMessage());
        } finally {
            MDC.clear();
        }
    }

    private void tell(ClaimedMessage m, AttemptOutcome outcome) {
        switch (outcome.to()) {
            case COMPLETE -> listener.completed(m.heading(), Duration.between(m.heading().timestamp(), outcome.at()));
            case RETRYING -> retries.info("attempt {} of {} failed, next at {}: {}", m.sequenceAttempts(),
                    m.terms().maxAttempts(), outcome.nextAttemptAt(), outcome.detail());
            case MANUAL -> {
                retries.warn("retries exhausted for {}: {}", m.heading().messageId(), outcome.detail());
                listener.retriesExhausted(m.heading(), m.attempts(), outcome.detail(), null);
                listener.waitingForManualHandling(m.heading(), outcome.detail());
            }
            case FAILED, EXPIRED -> {
                log.warn("{} {}: {}", m.heading().messageId(), outcome.to(), outcome.detail());
                listener.failed(m.heading(), outcome.detail());
            }
            default -> {
            }
        }
    }

    private void sleepUntilDueOrWoken() {
        Instant now = clock.instant();
        Duration wait = store.nextDueTime().map(due -> Duration.between(now, due)).filter(d -> !d.isNegative())
                .filter(d -> d.compareTo(settings.idlePoll()) < 0).orElse(settings.idlePoll());
        Duration untilPartnerOpens = gate.nextOpening().map(at -> Duration.between(now, at)).orElse(wait);
        waitForWakeUp(untilPartnerOpens.compareTo(wait) < 0 ? untilPartnerOpens : wait);
    }

    private void waitForWakeUp(Duration wait) {
        lock.lock();
        try {
            if (!woken && running) {
                wakeUp.await(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        running = false;
        wake();
        if (loop != null) {
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        outcomes.shutdown();
        try {
            outcomes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
