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
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.retry.RetryDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * A new submission with room to go skips the queue: it is stored already claimed and sent at once ({@link #accept}).
 *
 * <p>Issue 4: before every send the policy may ask for a new MessageId ({@link MessageIdRegenerator}); an exhausted
 * retry sequence goes to slow retry (a claim from SLOW_RETRY is a wake-up: the store starts a fresh sequence) or to
 * manual handling.
 */
public final class OutboundDispatcher implements Outbox, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);
    private static final Logger retries = LoggerFactory.getLogger("org.ebrelay.retries");

    private final OutboundMessages store;
    private final PartnerTransport transport;
    private final AttemptJudge judge;
    private final RetrySetup retry;
    private final MessageIdRegenerator regenerator;
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
                              IncomingSignals signals, RetrySetup retry, Clock clock, NodeId node,
                              DispatchSettings settings, OutboundListener listener) {
        this(store, transport, codec, signals, retry, clock, node, settings, listener, PartnerGate.unlimited(clock));
    }

    /** With per-partner pacing: concurrent sends, a send rate and a circuit breaker ({@link PartnerGate}). */
    public OutboundDispatcher(OutboundMessages store, PartnerTransport transport, MessageCodec codec,
                              IncomingSignals signals, RetrySetup retry, Clock clock, NodeId node,
                              DispatchSettings settings, OutboundListener listener, PartnerGate gate) {
        this.gate = gate;
        this.store = store;
        this.transport = transport;
        this.judge = new AttemptJudge(codec, signals, retry);
        this.retry = retry;
        this.regenerator = new MessageIdRegenerator(codec, store, retry);
        this.clock = clock;
        this.node = node;
        this.settings = settings;
        this.listener = listener;
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.outcomes = Executors.newFixedThreadPool(outcomeThreads(settings), named("ebrelay-outcome-" + node));
    }

    /**
     * Each outcome thread waits for its attempt's group commit, so this pool bounds how many outcomes one commit can
     * record: with 4 threads a node completed at most 4 messages per commit, about 800/s here whatever the load
     * (docs/BENCHMARKS.md). As many as may be in flight, within reason; idle threads cost nothing.
     */
    static int outcomeThreads(DispatchSettings settings) {
        return Math.max(4, Math.min(settings.maxInFlight(), 64));
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

    /**
     * Stores a submitted message. With room in flight, it is stored already claimed by this node, in the same
     * transaction, and sent at once from the caller's thread (the send itself is asynchronous): one commit and no
     * trip through the due queue. Otherwise it is queued and the loop is woken.
     */
    @Override
    public OutboundState accept(SubmittedMessage message) {
        boolean dueNow = !message.firstAttemptAt().isAfter(message.submittedAt());
        boolean partnerHasRoom = gate.room(message.endpointUrl()) > 0;
        if (!running || !dueNow || !partnerHasRoom || !inFlight.tryAcquire()) {
            store.insert(message);
            wake();
            return OutboundState.QUEUED;
        }
        ClaimedMessage claimed;
        try {
            claimed = store.insertClaimed(message, node, message.submittedAt().plus(settings.claimLease()));
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
        dispatchHolding(claimed, message.submittedAt());
        return OutboundState.SENDING;
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
            inFlight.acquireUninterruptibly();
            dispatchHolding(message, now);
        }
        return claimed.size();
    }

    /** Sends {@code m} if the policy says so; the caller holds an in-flight permit, released when it is done. */
    private void dispatchHolding(ClaimedMessage m, Instant now) {
        RetryDecision decision = retry.policy().decide(m.retryHistoryBeforeClaim(), () -> retry.rulesFor(m.heading()),
                now);
        if (decision instanceof RetryDecision.SendNow) {
            admitAndSend(m, now);
            return;
        }
        if (decision instanceof RetryDecision.SendUnderNewId) {
            Optional<ClaimedMessage> renewed = Optional.empty();
            try {
                renewed = renewId(m, now);
            } catch (RuntimeException e) {
                // the claim's lease runs out and the message is taken up again; the rest of the batch goes on
                log.error("could not give {} a new MessageId", m.heading().messageId(), e);
            }
            if (renewed.isPresent()) {
                admitAndSend(renewed.get(), now);
            } else {
                inFlight.release();
            }
            return;
        }
        try {
            record(m, notSent(m, decision, now));
        } finally {
            inFlight.release();
        }
    }

    /** The claim under a new MessageId (the listener told); empty when an ack settled the message meanwhile. */
    private Optional<ClaimedMessage> renewId(ClaimedMessage m, Instant now) {
        MessageId previous = m.heading().messageId();
        Optional<ClaimedMessage> renewed = regenerator.regenerate(m, now);
        if (renewed.isEmpty()) {
            log.debug("{} was settled before it got a new MessageId", previous);
            return renewed;
        }
        retries.info("{} goes on under the new MessageId {}", previous, renewed.get().heading().messageId());
        listener.messageIdRegenerated(renewed.get().heading(), previous);
        return renewed;
    }

    private AttemptOutcome notSent(ClaimedMessage m, RetryDecision decision, Instant now) {
        if (decision instanceof RetryDecision.WaitUntil wait) {
            return AttemptOutcome.notAttempted(m.claim(), now, handedBackTo(m), wait.at(), EventType.CLAIM_RELEASED,
                    "not due before " + wait.at());
        }
        if (decision instanceof RetryDecision.EnterSlowRetry slow) {
            return SequenceEnd.slowRetry(m, slow, now, false, null);
        }
        if (decision instanceof RetryDecision.ManualHandling manual) {
            return SequenceEnd.manual(m, manual, now, false, null);
        }
        if (!(decision instanceof RetryDecision.Expired expired)) {
            throw new IllegalStateException("unexpected retry decision " + decision);
        }
        return AttemptOutcome.notAttempted(m.claim(), now, OutboundState.EXPIRED, null, EventType.EXPIRED,
                expired.reason() + " passed at " + expired.at());
    }

    /** Sends {@code m} if its partner's pacing lets it go now, else hands it back unattempted (no retry used). */
    private void admitAndSend(ClaimedMessage m, Instant now) {
        PartnerGate.Admission admission = gate.admit(m.endpointUrl());
        if (admission.admitted()) {
            sendHolding(m);
            return;
        }
        try {
            record(m, AttemptOutcome.notAttempted(m.claim(), now, handedBackTo(m), admission.retryAt(),
                    EventType.CLAIM_RELEASED, "held back: " + admission.reason()));
        } finally {
            inFlight.release();
        }
    }

    private static OutboundState handedBackTo(ClaimedMessage m) {
        return m.claimedFrom() == OutboundState.SENDING ? OutboundState.RETRYING : m.claimedFrom();
    }

    /** Posts {@code m}; the caller holds an in-flight permit and the partner's admission, both freed at the end. */
    private void sendHolding(ClaimedMessage m) {
        CrashPoints.reach(CrashPoints.BEFORE_SEND);
        Instant started = clock.instant();
        WireMessage wire = new WireMessage(m.wire().contentType(), m.soapAction(), m.wire().body());
        transport.send(URI.create(m.endpointUrl()), wire, settings.responseTimeout())
                .whenCompleteAsync((outcome, error) -> {
                    try {
                        CrashPoints.reach(CrashPoints.BEFORE_OUTCOME);
                        SendOutcome result = outcome != null ? outcome
                                : new SendOutcome.RetryableFailure("send failed: " + error, null);
                        gate.finished(m.endpointUrl(), result);
                        Instant ended = clock.instant();
                        listener.attempted(m.heading(), Duration.between(started, ended), m.attempts() > 1);
                        AttemptJudge.Verdict verdict = judge.judge(m, result, ended);
                        ClaimedMessage judged = m;
                        if (verdict.renewId() && verdict.outcome().to().isScheduled()) {
                            judged = renewId(m, ended).orElse(m);
                        }
                        record(judged, verdict.outcome());
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
        int made = outcome.attempted() ? m.attempts() : m.attempts() - 1;
        switch (outcome.to()) {
            case COMPLETE -> listener.completed(m.heading(), Duration.between(m.heading().timestamp(), outcome.at()));
            case RETRYING -> retries.info("attempt {} of {} failed, next at {}: {}", m.sequenceAttempts(),
                    m.terms().maxAttempts(), outcome.nextAttemptAt(), outcome.detail());
            case SLOW_RETRY -> {
                retries.warn("retries exhausted for {}, slow retry: {}", m.heading().messageId(), outcome.detail());
                listener.retriesExhausted(m.heading(), made, outcome.detail(), outcome.nextAttemptAt());
            }
            case MANUAL -> {
                retries.warn("{} waits for manual handling: {}", m.heading().messageId(), outcome.detail());
                listener.retriesExhausted(m.heading(), made, outcome.detail(), null);
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
