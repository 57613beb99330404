package org.ebrelay.app.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ebrelay.app.bank.NodeNote;
import org.ebrelay.app.bank.NodeNotes;
import org.ebrelay.app.port.in.ReceiveMessage.InboundReply;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.app.port.out.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to /ebms refused before a message existed (unreadable MIME or XML, XXE, SOAP 1.2, oversized, slow or
 * broken uploads, not a POST), kept as notes the shipper sends to the bank: time, peer, the answer, why, the size and
 * the first bytes escaped and capped; never more of the body. Bounded, so a flood cannot fill the disk: per minute at
 * most {@link Limits#perReason} are recorded for one answer and reason, and {@link Limits#perMinute} in all; the rest
 * are counted, and each reason's count is written as one note ("and N more like it") when the minute ends.
 */
public final class RejectedRequests implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("org.ebrelay.inbound.rejected");
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String OTHER = "other reasons";

    /**
     * @param perReason  notes per minute for one answer and reason
     * @param perMinute  notes per minute in all (and distinct reasons tracked)
     * @param firstBytes bytes of the body kept, escaped
     */
    public record Limits(int perReason, int perMinute, int firstBytes) {
        public static Limits defaults() {
            return new Limits(10, 100, 256);
        }
    }

    /** What the minute's refusals beyond the limit were: how many, and the last peer. */
    private static final class Counted {
        final String answer;
        final String reason;
        int recorded;
        int suppressed;
        String lastRemote;

        Counted(String answer, String reason) {
            this.answer = answer;
            this.reason = reason;
        }
    }

    private final NodeNotes notes;
    private final Clock clock;
    private final Limits limits;
    private final Map<String, Counted> minute = new LinkedHashMap<>();
    private Instant windowStart;
    private int recordedThisMinute;
    private ScheduledExecutorService ticker;

    public RejectedRequests(NodeNotes notes, Clock clock, Limits limits) {
        this.notes = notes;
        this.clock = clock;
        this.limits = limits;
        this.windowStart = clock.instant();
    }

    /**
     * A refused request: noted, or counted when its reason's share of the minute is used up.
     *
     * @param answer what it was answered (e.g. {@code fault Client}, {@code HTTP 413}, {@code dropped})
     * @param size   bytes received or declared, -1 when not known
     * @param body   the start of the body (only the first bytes are kept), or null
     */
    public void refused(String answer, String reason, String remote, long size, byte[] body) {
        Instant now = clock.instant();
        List<NodeNote> write = new ArrayList<>(rollOver(now));
        synchronized (this) {
            Counted counted = bucket(answer, reason);
            if (counted.recorded < limits.perReason() && recordedThisMinute < limits.perMinute()) {
                counted.recorded++;
                recordedThisMinute++;
                write.add(NodeNote.rejected(now, answer, reason, remote, size, escaped(body), 1));
            } else {
                counted.suppressed++;
                counted.lastRemote = remote;
            }
        }
        write.forEach(this::keep);
    }

    /**
     * The receive pipeline's answer to {@code request}: a SOAP Fault means it could not be read as ebXML (a
     * MessageError is for a message that exists, and is kept with it). A Server fault is our own failure, not the
     * request's, and is not noted.
     */
    public void answered(WireMessage request, String remote, InboundReply reply, MessageCodec codec) {
        if (reply.httpStatus() < 400 || reply.body() == null) {
            return;
        }
        SoapFault fault = codec.decode(reply.body()).receivedFault();
        if (fault == null || fault.faultCode().endsWith(SoapFault.SERVER)) {
            return;
        }
        String code = fault.faultCode().substring(fault.faultCode().indexOf(':') + 1);
        refused("fault " + code, fault.faultString(), remote, request.body().length, request.body());
    }

    /** Writes the counts of a minute that has ended (called on a timer, and before each new refusal). */
    public void flush() {
        rollOver(clock.instant()).forEach(this::keep);
    }

    /** Flushes every {@code interval} on a thread of its own. */
    public synchronized void start(Duration interval) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ebrelay-rejected-requests");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                flush();
            } catch (RuntimeException e) {
                LOG.warn("writing the counts of refused requests failed: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private synchronized List<NodeNote> rollOver(Instant now) {
        if (now.isBefore(windowStart.plus(WINDOW))) {
            return List.of();
        }
        List<NodeNote> counts = new ArrayList<>();
        for (Counted c : minute.values()) {
            if (c.suppressed > 0) {
                counts.add(NodeNote.rejected(now, c.answer, c.reason + " (and " + c.suppressed + " more like it"
                        + " from " + windowStart + " on, not recorded one by one)", c.lastRemote, -1, null,
                        c.suppressed));
            }
        }
        minute.clear();
        recordedThisMinute = 0;
        windowStart = now;
        return counts;
    }

    private Counted bucket(String answer, String reason) {
        String key = answer + '\n' + reason;
        Counted counted = minute.get(key);
        if (counted == null) {
            if (minute.size() >= limits.perMinute()) {
                return minute.computeIfAbsent(OTHER, k -> new Counted(answer, OTHER));
            }
            counted = new Counted(answer, reason);
            minute.put(key, counted);
        }
        return counted;
    }

    private void keep(NodeNote note) {
        try {
            notes.add(note);
        } catch (RuntimeException e) { // noting is secondary: the request was answered already
            LOG.warn("could not keep the refused request from {} ({}): {}", note.remote(), note.detail(),
                    e.toString());
        }
    }

    private String escaped(byte[] body) {
        return escape(body, limits.firstBytes());
    }

    /**
     * The first {@code max} bytes as text: printable ASCII as is, every other byte (and the backslash) as \xNN,
     * and "..." when the body is longer.
     */
    public static String escape(byte[] body, int max) {
        if (body == null) {
            return null;
        }
        int n = Math.min(body.length, max);
        StringBuilder text = new StringBuilder(n + 16);
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02x", b));
            }
        }
        return body.length > n ? text.append("...").toString() : text.toString();
    }
}
