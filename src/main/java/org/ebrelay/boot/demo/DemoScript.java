package org.ebrelay.boot.demo;

import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.DeliveryView;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.Gateway;
import org.ebrelay.domain.message.CpaId;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's story: orders from the hospital and results from the laboratory; the laboratory goes down while more
 * orders are sent (the hospital retries them under the same MessageId, every RetryInterval of the CPA: 2 s, 4
 * retries), comes back on the same port and data directory, and everything completes; finally both inboxes show
 * each message delivered exactly once.
 */
public final class DemoScript {
    /** Time for messages to complete once their receiver is up; generous, for a loaded machine. */
    private static final Duration COMPLETION_TIMEOUT = Duration.ofSeconds(60);
    private static final int ORDERS_BEFORE = 3;
    private static final int ORDERS_DURING = 3;
    /** The number of the last order sent. */
    static final int LAST_ORDER = ORDERS_BEFORE + ORDERS_DURING;

    private final DemoNodes nodes;
    private final ProgressBoard board;
    private final Clock clock;
    private final Duration outage;
    private final String runTag;

    /**
     * @param outage how long the laboratory stays down (the orders are sent in its last seconds, so any length
     *               leaves them retries for after the restart)
     * @param runTag makes this run's HL7 ids (MSH-10) unique, so a kept data directory does not confuse the count
     */
    DemoScript(DemoNodes nodes, ProgressBoard board, Clock clock, Duration outage, String runTag) {
        this.nodes = nodes;
        this.board = board;
        this.clock = clock;
        this.outage = outage;
        this.runTag = runTag;
    }

    ProgressBoard board() {
        return board;
    }

    /** Runs the story; true when every message completed and was delivered exactly once. */
    boolean run() throws Exception {
        board.say("1. The hospital sends " + ORDERS_BEFORE + " orders (OML^O21); the laboratory answers two with results (ORU^R01).");
        for (int n = 1; n <= ORDERS_BEFORE; n++) {
            sendOrder(n);
        }
        if (!awaitComplete()) {
            return false;
        }
        sendResult(1);
        sendResult(2);
        if (!awaitComplete()) {
            return false;
        }
        if (!outage()) {
            return false;
        }
        board.say("3. The laboratory sends the remaining results.");
        for (int n = 3; n <= LAST_ORDER; n++) {
            sendResult(n);
        }
        if (!awaitComplete()) {
            return false;
        }
        return checkDeliveries();
    }

    private boolean outage() throws Exception {
        board.say(String.format("2. The laboratory goes down for %d s; the hospital sends %d more orders and retries them every 2 s.",
                outage.toSeconds(), ORDERS_DURING));
        long downAt = System.nanoTime();
        nodes.stopNode(DemoParty.LAB);
        board.say("   laboratory DOWN");
        // The last of an order's 5 attempts is 8 s after its first: sending the orders in the last ~4.5 s of the
        // outage leaves the laboratory ~3.5 s to restart before the first order would run out of retries.
        long firstAt = Math.max(500, outage.toMillis() - 4_500);
        for (int i = 0; i < ORDERS_DURING; i++) {
            sleepUntil(downAt, firstAt + i * 1_000L);
            sendOrder(ORDERS_BEFORE + 1 + i);
        }
        sleepUntil(downAt, outage.toMillis());
        nodes.startNode(DemoParty.LAB);
        board.say("   laboratory UP again on " + nodes.node(DemoParty.LAB).baseUri()
                + " (same data directory): the next retry gets through");
        return awaitComplete();
    }

    private static void sleepUntil(long startNanos, long millisAfter) throws InterruptedException {
        long left = millisAfter - (System.nanoTime() - startNanos) / 1_000_000;
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    private void sendOrder(int n) {
        String placer = "PLC-" + runTag + "-" + n;
        send(DemoParty.HOSPITAL, orderId(n), Hl7Samples.order(orderId(n), placer, n, clock.instant()));
    }

    private void sendResult(int n) {
        String placer = "PLC-" + runTag + "-" + n;
        send(DemoParty.LAB, resultId(n), Hl7Samples.result(resultId(n), placer, n, clock.instant()));
    }

    String orderId(int n) {
        return String.format("ORD-%s-%02d", runTag, n);
    }

    String resultId(int n) {
        return String.format("RES-%s-%02d", runTag, n);
    }

    private void send(DemoParty from, String hl7Id, byte[] er7) {
        Gateway node = nodes.node(from);
        SubmissionResult result = node.submit().submit(new Submission(CpaId.of(DemoParty.CPA_ID), null,
                from.action(), null, PartyIds.parse(from.partner().partyId()),
                List.of(new Submission.Payload("application/hl7-v2", er7)), null, null));
        if (result instanceof SubmissionResult.Accepted accepted) {
            board.track(new TrackedMessage(hl7Id, from, accepted.messageId(), accepted.state()));
        } else {
            SubmissionResult.Refused refused = (SubmissionResult.Refused) result;
            throw new IllegalStateException("the " + from.displayName() + " node refused " + hl7Id + ": "
                    + refused.error() + ": " + refused.detail());
        }
    }

    private boolean awaitComplete() throws InterruptedException {
        if (board.awaitAllComplete(COMPLETION_TIMEOUT)) {
            return true;
        }
        board.say("Not every message completed:");
        board.printTable();
        return false;
    }

    /** Reads both inboxes: each message this run sent must be there exactly once. */
    private boolean checkDeliveries() {
        board.close();
        int messages = board.messages().size();
        board.say("");
        board.say("All " + messages + " messages COMPLETE.");
        boolean labOk = checkInbox(DemoParty.LAB, "orders");
        boolean hospitalOk = checkInbox(DemoParty.HOSPITAL, "results");
        if (labOk && hospitalOk) {
            board.say("Each message was delivered exactly once.");
        }
        return labOk && hospitalOk;
    }

    private boolean checkInbox(DemoParty receiver, String what) {
        List<String> expected = board.messages().stream().filter(m -> m.sender() == receiver.partner())
                .map(TrackedMessage::hl7Id).toList();
        Map<String, Long> counts = nodes.node(receiver).inbox().list(null, true).stream()
                .map(DeliveryView::hl7MessageId).filter(expected::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> wrong = expected.stream().filter(id -> counts.getOrDefault(id, 0L) != 1)
                .map(id -> id + " x" + counts.getOrDefault(id, 0L)).toList();
        if (wrong.isEmpty()) {
            board.say(String.format("The %s inbox holds the %d %s, each exactly once.", receiver.displayName(),
                    expected.size(), what));
            return true;
        }
        board.say(String.format("The %s inbox does not hold each of the %d %s exactly once: %s",
                receiver.displayName(), expected.size(), what, String.join(", ", wrong)));
        return false;
    }
}
