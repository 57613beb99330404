package org.ebrelay.boot.bench;

import org.ebrelay.app.outbound.OutboundListener;
import org.ebrelay.app.port.out.MessageHeading;

import java.net.URI;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits numbered messages over the REST API and times each from its submission to the sending node's COMPLETE,
 * which the node reports through {@link OutboundListener#completed}. Closed loop: {@code concurrency} submitters,
 * each submitting its next message once the previous one is COMPLETE (or refused). Paced: one message every
 * 1/rate seconds whatever happens, timed from its scheduled moment, so a stall cannot hide latency.
 */
final class LoadDriver implements OutboundListener {
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"");

    private final RestSubmitter client;
    private final List<URI> submitUris;
    private final Payloads payloads;
    private final AtomicLongArray started;
    private final AtomicLongArray answered;
    private final AtomicLongArray completed;
    private final Map<String, AtomicInteger> refusalReasons = new ConcurrentHashMap<>();
    private final AtomicInteger late = new AtomicInteger();
    private volatile Phase phase;

    /** One batch of message numbers [from, to) being pushed. */
    private final class Phase {
        final int to;
        final boolean closedLoop;
        final AtomicInteger next;
        final CountDownLatch done;

        Phase(int from, int to, boolean closedLoop) {
            this.to = to;
            this.closedLoop = closedLoop;
            this.next = new AtomicInteger(from);
            this.done = new CountDownLatch(to - from);
        }
    }

    LoadDriver(RestSubmitter client, URI submitUri, Payloads payloads, int total) {
        this(client, List.of(submitUri), payloads, total);
    }

    /** Message i goes to {@code submitUris[i % size]}: the load spread over several nodes, as by a balancer. */
    LoadDriver(RestSubmitter client, List<URI> submitUris, Payloads payloads, int total) {
        this.client = client;
        this.submitUris = List.copyOf(submitUris);
        this.payloads = payloads;
        this.started = new AtomicLongArray(total);
        this.answered = new AtomicLongArray(total);
        this.completed = new AtomicLongArray(total);
    }

    /** Pushes messages [from, to) with {@code concurrency} submitters; true when all ended before the limit. */
    boolean closedLoop(int from, int to, int concurrency, Duration limit) throws InterruptedException {
        Phase p = new Phase(from, to, true);
        phase = p;
        for (int i = 0; i < concurrency; i++) {
            submitNext(p);
        }
        return p.done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Pushes messages [from, to) at {@code rate} per second; true when all ended before the limit. */
    boolean paced(int from, int to, double rate, Duration limit) throws InterruptedException {
        Phase p = new Phase(from, to, false);
        phase = p;
        long interval = (long) (1e9 / rate);
        long t0 = System.nanoTime() + 1_000_000;
        long deadline = t0 + limit.toNanos();
        for (int i = from; i < to && System.nanoTime() < deadline; i++) {
            long at = t0 + (i - from) * interval;
            for (long wait = at - System.nanoTime(); wait > 0; wait = at - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - at > 1_000_000) {
                late.incrementAndGet();
            }
            p.next.incrementAndGet();
            submit(p, i, at);
        }
        return p.done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void submitNext(Phase p) {
        int i = p.next.getAndIncrement();
        if (i < p.to) {
            submit(p, i, System.nanoTime());
        }
    }

    private void submit(Phase p, int i, long at) {
        started.set(i, at);
        client.submit(submitUris.get(i % submitUris.size()), payloads.payload(i), (status, body) -> {
            answered.set(i, System.nanoTime());
            String messageId = status == 202 ? messageIdIn(body) : null;
            if (messageId == null) {
                refusalReasons.computeIfAbsent(reason(status, body), r -> new AtomicInteger()).incrementAndGet();
                p.done.countDown();
                if (p.closedLoop) {
                    submitNext(p);
                }
            }
        });
    }

    /** The messageId of the API's answer {@code {"messageId": ..., "hl7MessageId": ..., "state": "QUEUED"}}. */
    static String messageIdIn(String body) {
        Matcher m = body == null ? null : MESSAGE_ID.matcher(body);
        return m != null && m.find() ? m.group(1) : null;
    }

    /** Called by the hospital node's dispatcher when a message is acknowledged. */
    @Override
    public void completed(MessageHeading heading, Duration sinceCreated) {
        int i = payloads.indexOf(heading.hl7Id());
        if (i >= 0) {
            complete(i, System.nanoTime());
        }
    }

    /** Message {@code i} is COMPLETE: times it and, in a closed loop, submits the next. */
    void complete(int i, long atNanos) {
        if (!completed.compareAndSet(i, 0, atNanos)) {
            return; // reported twice
        }
        Phase p = phase;
        p.done.countDown();
        if (p.closedLoop) {
            submitNext(p);
        }
    }

    /** Latencies of the completed messages among [from, to). */
    long[] latencies(int from, int to) {
        return java.util.stream.IntStream.range(from, to).filter(i -> completed.get(i) != 0)
                .mapToLong(i -> completed.get(i) - started.get(i)).toArray();
    }

    /** How long the API took to answer each accepted submission among [from, to). */
    long[] answerTimes(int from, int to) {
        return java.util.stream.IntStream.range(from, to).filter(i -> completed.get(i) != 0)
                .mapToLong(i -> answered.get(i) - started.get(i)).toArray();
    }

    /** How many submissions were refused since the start, for any reason. */
    int refused() {
        return refusalReasons.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** How many submissions were refused for each reason (the status and the start of the answer), since the start. */
    Map<String, Integer> refusalReasons() {
        Map<String, Integer> counts = new TreeMap<>();
        refusalReasons.forEach((reason, count) -> counts.put(reason, count.get()));
        return counts;
    }

    /** A refusal's reason: the HTTP status and the first line of the answer, or what kept an answer from coming. */
    static String reason(int status, String body) {
        String text = body == null ? "" : body.strip().lines().findFirst().orElse("");
        text = text.length() > 160 ? text.substring(0, 160) + "..." : text;
        return (status == 0 ? "no answer" : "HTTP " + status) + (text.isEmpty() ? "" : ": " + text);
    }

    int latePacing() {
        return late.get();
    }

    /** The moment the last message among [from, to) completed. */
    long lastCompletion(int from, int to) {
        long last = 0;
        for (int i = from; i < to; i++) {
            last = Math.max(last, completed.get(i));
        }
        return last;
    }
}
