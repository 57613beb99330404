package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.eventTypes;
import static org.ebrelay.e2e.Observed.eventually;
import static org.ebrelay.e2e.Observed.inbound;
import static org.ebrelay.e2e.Observed.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ebrelay.app.CrashPoints;
import org.ebrelay.app.port.in.DeliveryView;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.Gateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes killed like {@code kill -9} at the worst moments, in processes of their own ({@code ebrelay serve}), then
 * started again on the same data directory: every message the sender accepted completes, and the receiving
 * application sees each exactly once. The other node runs in this JVM. CPA: Retries 30, RetryInterval PT1S.
 */
class CrashRecoveryTest {
    private static final int CRASH_EXIT_CODE = 137;

    @TempDir
    Path root;
    private TestNode hospital;
    private TestNode lab;

    @BeforeEach
    void setUpNodes() {
        int hospitalPort = TestNode.freePort();
        int labPort = TestNode.freePort();
        DemoCpa cpa = DemoCpa.shipped().endpoints(hospitalPort, labPort).retries(30, Duration.ofSeconds(1));
        hospital = TestNode.hospital(root, hospitalPort).withCpa(cpa);
        lab = TestNode.lab(root, labPort).withCpa(cpa);
    }

    @Test
    void aSenderKilledBetweenAcceptingAndSendingSendsTheMessageAfterARestartAndItIsDeliveredOnce() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        try (Gateway receiver = lab.start()) {
            Optional<String> accepted;
            try (NodeProcess sender = NodeProcess.start(hospital, CrashPoints.BEFORE_SEND)) {
                accepted = new RestClient(sender.baseUri()).submit(DemoCpa.ORDER, DemoCpa.LAB, order);

                assertThat(sender.awaitExit()).as(sender.logText()).isEqualTo(CRASH_EXIT_CODE);
                assertThat(sender.logText()).contains("crash point 'before-send' reached");
            }
            assertThat(Observed.deliveries(receiver, order.id())).as("nothing was posted before the crash").isEmpty();

            try (NodeProcess restarted = NodeProcess.start(hospital, null)) {
                RestClient api = new RestClient(restarted.baseUri());
                JsonNode complete = eventually().until(() -> onlyOutbound(api, order.id()),
                        m -> m.path("state").asText().equals("COMPLETE"));

                // The commit wakes the dispatcher at once, and its halt usually beats the 202 to the wire: the
                // client then has no answer, but the message was committed before the claim and must complete.
                accepted.ifPresent(id -> assertThat(complete.path("messageId").asText()).isEqualTo(id));
                DeliveryView delivery = deliveredOnce(receiver, order);
                assertThat(delivery.messageId()).isEqualTo(complete.path("messageId").asText());
                assertThat(eventTypes(inbound(receiver, order.id()))).as("posted exactly once")
                        .doesNotContain("DUPLICATE_RECEIVED");
            }
        }
    }

    @Test
    void aSenderKilledWithTheAcknowledgmentInHandButNotRecordedCompletesAfterARestartAndItIsDeliveredOnce() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        try (Gateway receiver = lab.start()) {
            try (NodeProcess sender = NodeProcess.start(hospital, CrashPoints.BEFORE_OUTCOME)) {
                new RestClient(sender.baseUri()).submit(DemoCpa.ORDER, DemoCpa.LAB, order);

                assertThat(sender.awaitExit()).as(sender.logText()).isEqualTo(CRASH_EXIT_CODE);
                assertThat(sender.logText()).contains("crash point 'before-outcome' reached");
            }
            assertThat(Observed.deliveries(receiver, order.id())).as("received and acknowledged before the crash")
                    .hasSize(1);

            try (NodeProcess restarted = NodeProcess.start(hospital, null)) {
                RestClient api = new RestClient(restarted.baseUri());
                JsonNode complete = eventually().until(() -> onlyOutbound(api, order.id()),
                        m -> m.path("state").asText().equals("COMPLETE"));

                assertThat(complete.path("attempts").asInt()).as("sent again after the restart").isEqualTo(2);
                DeliveryView delivery = deliveredOnce(receiver, order);
                assertThat(delivery.messageId()).isEqualTo(complete.path("messageId").asText());
                assertThat(eventTypes(inbound(receiver, order.id()))).as("the resend got the stored acknowledgment")
                        .contains("DUPLICATE_RECEIVED");
            }
        }
    }

    @Test
    void aReceiverKilledBetweenStoringAndAcknowledgingReplaysItsStoredAcknowledgmentAfterARestart() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        try (Gateway sender = hospital.start()) {
            SubmissionResult.Accepted accepted;
            try (NodeProcess receiver = NodeProcess.start(lab, CrashPoints.AFTER_RECEIVE_COMMIT)) {
                accepted = sender.submit().submit(TwoNodes.submission(DemoCpa.ORDER, DemoCpa.LAB, order))
                        instanceof SubmissionResult.Accepted a ? a : null;
                assertThat(accepted).isNotNull();

                assertThat(receiver.awaitExit()).as(receiver.logText()).isEqualTo(CRASH_EXIT_CODE);
                assertThat(receiver.logText()).contains("crash point 'after-receive-commit' reached");
            }
            MessageView unacknowledged = eventually().until(() -> outbound(sender, accepted.messageId()),
                    m -> m.state().equals("RETRYING"));
            assertThat(eventTypes(unacknowledged)).contains("SEND_FAILED").doesNotContain("ACKNOWLEDGED");

            try (NodeProcess restarted = NodeProcess.start(lab, null)) {
                MessageView complete = awaitOutbound(sender, accepted.messageId(), "COMPLETE");

                assertThat(complete.attempts()).isGreaterThanOrEqualTo(2);
                RestClient api = new RestClient(restarted.baseUri());
                List<JsonNode> deliveries = api.inbox().stream()
                        .filter(d -> d.path("hl7MessageId").asText().equals(order.id())).toList();
                assertThat(deliveries).as("the laboratory's application sees it once").hasSize(1);
                assertThat(deliveries.get(0).path("messageId").asText()).isEqualTo(accepted.messageId());
                JsonNode content = api.delivery(deliveries.get(0).path("deliveryId").asText())
                        .path("payloads").get(0).path("content");
                assertThat(Base64.getDecoder().decode(content.asText())).isEqualTo(order.bytes());
                List<JsonNode> received = api.messages(order.id());
                assertThat(received).hasSize(1);
                assertThat(received.get(0).path("events").findValuesAsText("type"))
                        .as("the resend got the stored acknowledgment").contains("DUPLICATE_RECEIVED");
            }
        }
    }

    @Test
    void aSenderKilledUnderLoadCompletesEveryAcceptedMessageAndEachIsDeliveredOnce() {
        List<Hl7Messages.Er7> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            orders.add(Hl7Messages.order());
        }
        int killAfter = ThreadLocalRandom.current().nextInt(5, 40);
        try (Gateway receiver = lab.start()) {
            Set<String> accepted = submitAndKill(orders, killAfter);
            assertThat(accepted).as("killed after %d acceptances", killAfter).hasSizeGreaterThanOrEqualTo(killAfter);

            try (NodeProcess restarted = NodeProcess.start(hospital, null)) {
                RestClient api = new RestClient(restarted.baseUri());
                eventually(Duration.ofSeconds(90)).untilAsserted(() -> {
                    assertThat(hl7Ids(api.messagesInState("COMPLETE"))).containsAll(accepted);
                    for (String unsettled : List.of("QUEUED", "SENDING", "AWAITING_ACK", "RETRYING")) {
                        assertThat(api.messagesInState(unsettled)).as(unsettled).isEmpty();
                    }
                });

                Map<String, Long> sent = countBy(hl7Ids(api.messagesInState("COMPLETE")));
                assertThat(sent.values()).as("each submission stored once").allMatch(n -> n == 1);
                Map<String, Long> delivered = countBy(receiver.inbox().list(null, true).stream()
                        .map(DeliveryView::hl7MessageId).toList());
                assertThat(delivered.keySet()).as("delivered: every accepted message, plus at most the in-doubt ones")
                        .containsAll(accepted)
                        .isSubsetOf(orders.stream().map(Hl7Messages.Er7::id).collect(Collectors.toSet()))
                        .isEqualTo(sent.keySet());
                assertThat(delivered).as("nothing delivered twice (killed after %d acceptances)", killAfter)
                        .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
            }
        }
    }

    /**
     * Submits the orders from four threads to a sender process, kills it (SIGKILL) once {@code killAfter} were
     * accepted, while the others are still being submitted and sent; returns the HL7 ids of those answered 202.
     */
    private Set<String> submitAndKill(List<Hl7Messages.Er7> orders, int killAfter) {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        try (NodeProcess sender = NodeProcess.start(hospital, null)) {
            RestClient api = new RestClient(sender.baseUri());
            CountDownLatch enoughAccepted = new CountDownLatch(killAfter);
            ExecutorService submitters = Executors.newFixedThreadPool(4);
            for (Hl7Messages.Er7 order : orders) {
                submitters.execute(() -> api.submit(DemoCpa.ORDER, DemoCpa.LAB, order).ifPresent(id -> {
                    accepted.add(order.id());
                    enoughAccepted.countDown();
                }));
            }
            submitters.shutdown();
            assertThat(enoughAccepted.await(Observed.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            sender.kill();

            assertThat(submitters.awaitTermination(Observed.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return Set.copyOf(accepted);
    }

    private static JsonNode onlyOutbound(RestClient api, String id) {
        List<JsonNode> found = api.messages(id).stream()
                .filter(m -> m.path("direction").asText().equals("OUTBOUND")).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<String> hl7Ids(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("hl7MessageId").asText()).toList();
    }

    private static Map<String, Long> countBy(List<String> ids) {
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
