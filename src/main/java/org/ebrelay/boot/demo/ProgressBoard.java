package org.ebrelay.boot.demo;

import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.boot.Gateway;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the demo shows while it runs: the sent messages with their state, read from each sender's store every
 * half second, and the script's narration. On a terminal the table is redrawn in place (ANSI cursor movement);
 * otherwise (a pipe, a file, a test) the narration and one line per state change are printed, with no escape
 * codes, and the table only when asked.
 */
final class ProgressBoard implements AutoCloseable {
    private static final String FORMAT = "  %-22s %-24s %-10s %-13s %s%n";
    private static final Duration REFRESH = Duration.ofMillis(500);

    private final PrintWriter out;
    private final boolean ansi;
    private final DemoNodes nodes;
    private final List<TrackedMessage> messages = new CopyOnWriteArrayList<>();
    private final List<String> pendingLines = new ArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ebrelay-demo-board");
        thread.setDaemon(true);
        return thread;
    });
    private int drawnLines;
    private boolean live;

    ProgressBoard(PrintWriter out, boolean ansi, DemoNodes nodes) {
        this.out = out;
        this.ansi = ansi;
        this.nodes = nodes;
    }

    /** Starts redrawing every half second. */
    void start() {
        live = true;
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    void track(TrackedMessage message) {
        messages.add(message);
        say(String.format("sent %-22s %-24s %s", message.hl7Id(), message.direction(), message.shortMessageId()));
    }

    List<TrackedMessage> messages() {
        return List.copyOf(messages);
    }

    /** A line of narration, shown above the table. */
    synchronized void say(String line) {
        pendingLines.add(line);
        redraw();
    }

    /** Reads every message's state from its sending node (skipping a node that is down) and redraws. */
    synchronized void refresh() {
        for (TrackedMessage message : messages) {
            Gateway sender = nodes.node(message.sender());
            MessageView view = sender == null ? null : find(sender, message.messageId());
            if (view != null && message.update(view.state(), view.attempts()) && !ansi) {
                pendingLines.add(String.format("  %-22s %-24s %-10s %-13s attempts %d", message.hl7Id(),
                        message.direction(), message.shortMessageId(), message.state(), message.attempts()));
            }
        }
        redraw();
    }

    private static MessageView find(Gateway gateway, String messageId) {
        try {
            List<MessageView> found = gateway.query().find(messageId);
            return found.isEmpty() ? null : found.get(0);
        } catch (RuntimeException e) {
            return null; // the node is stopping: keep the last state
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // a failed refresh is retried in half a second
        }
    }

    private void redraw() {
        if (ansi && drawnLines > 0) {
            out.printf("\u001b[%dA\u001b[J", drawnLines); // up to the table's first line, clear to the end
        }
        flushPending();
        drawnLines = ansi && live ? printTable() : 0;
        out.flush();
    }

    private void flushPending() {
        for (String line : pendingLines) {
            out.println(line);
        }
        pendingLines.clear();
        out.flush();
    }

    /** Prints the table once; returns its line count. */
    synchronized int printTable() {
        out.printf(FORMAT, "HL7 id (MSH-10)", "direction", "MessageId", "state", "attempts");
        for (TrackedMessage m : messages) {
            String state = ansi ? colour(m) : m.state();
            out.printf(FORMAT, m.hl7Id(), m.direction(), m.shortMessageId(), state, m.attempts());
        }
        return messages.size() + 1;
    }

    private static String colour(TrackedMessage m) {
        String code = m.isComplete() ? "32" : m.isStuck() ? "31" : "33";
        // pad before colouring so the escape codes do not upset the column width
        return "\u001b[" + code + "m" + String.format("%-13s", m.state()) + "\u001b[0m";
    }

    /** Stops the live table (it stays on screen as drawn last; without a terminal, it is printed once now). */
    @Override
    public synchronized void close() {
        refresher.shutdownNow();
        if (live) {
            refresh();
            live = false;
            drawnLines = 0;
            if (!ansi) {
                printTable();
                out.flush();
            }
        }
    }

    /**
     * Waits until every message is COMPLETE (true), one is stuck in a state it will not leave by itself, or the
     * time is up (false).
     */
    boolean awaitAllComplete(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            refresh();
            if (messages.stream().allMatch(TrackedMessage::isComplete)) {
                return true;
            }
            if (messages.stream().anyMatch(TrackedMessage::isStuck)) {
                return false;
            }
            Thread.sleep(REFRESH.toMillis() / 2);
        }
        return false;
    }
}
