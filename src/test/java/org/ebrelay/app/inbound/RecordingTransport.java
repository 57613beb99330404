package org.ebrelay.app.inbound;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ebrelay.app.port.out.PartnerTransport;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.app.port.out.WireMessage;

/** The partner's side of asynchronous replies: records every POST and answers from a script (then 204). */
final class RecordingTransport implements PartnerTransport {
    record Sent(URI endpoint, WireMessage message) {
    }

    private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
    private final List<Sent> all = new ArrayList<>();
    private final Deque<SendOutcome> script = new ArrayDeque<>();

    /** The next answers, in order; once used up every POST gets 204. */
    synchronized RecordingTransport answering(SendOutcome... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    @Override
    public CompletableFuture<SendOutcome> send(URI endpoint, WireMessage message, Duration timeout) {
        Sent post = new Sent(endpoint, message);
        SendOutcome answer;
        synchronized (this) {
            all.add(post);
            answer = script.isEmpty() ? new SendOutcome.Answered(204, null) : script.poll();
        }
        sent.add(post);
        return CompletableFuture.completedFuture(answer);
    }

    /** The next POST, waiting for it to be made (it happens off the test's thread). */
    Sent next() throws InterruptedException {
        Sent post = sent.poll(10, TimeUnit.SECONDS);
        if (post == null) {
            throw new AssertionError("no asynchronous reply was sent");
        }
        return post;
    }

    /** Every POST so far; read after the replies were shut down to know none is still coming. */
    synchronized List<Sent> all() {
        return List.copyOf(all);
    }
}
