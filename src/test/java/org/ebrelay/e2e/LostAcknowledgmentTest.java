package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.eventTypes;
import static org.ebrelay.e2e.Observed.eventually;
import static org.ebrelay.e2e.Observed.outbound;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ebrelay.app.port.in.HandleManually;
import org.ebrelay.app.port.in.ManualHandlingResult;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.e2e.FaultProxy.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lost-acknowledgment case: the laboratory stores an order and acknowledges it, but the acknowledgment never
 * reaches the hospital (a proxy holds every answer past the hospital's response timeout), so the hospital's retries
 * run out. The order then goes out again under a NEW MessageId with the same HL7 id: ebXML duplicate elimination
 * cannot recognise it; the laboratory's HL7-level check does, acknowledges it, and does not deliver it again.
 * CPA: Retries 1, RetryInterval PT1S; the hospital waits 2 s for a response.
 */
class LostAcknowledgmentTest {
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration TOO_LATE = Duration.ofSeconds(5);

    @TempDir
    static Path root;
    static FaultProxy proxy;
    static TwoNodes nodes;

    @BeforeAll
    static void startNodesBehindTheProxy() {
        int labPort = TestNode.freePort();
        proxy = FaultProxy.to(labPort);
        nodes = TwoNodes.in(root).labPort(labPort).hospitalReachesLabAt(proxy.port())
                .hospitalResponseTimeout(RESPONSE_TIMEOUT)
                .cpa(cpa -> cpa.retries(1, Duration.ofSeconds(1)))
                .start();
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @BeforeEach
    void everyAcknowledgmentOfTheFirstTwoAttemptsIsLost() {
        proxy.reset();
        proxy.then(Fault.DELAY_RESPONSE, TOO_LATE).then(Fault.DELAY_RESPONSE, TOO_LATE);
    }

    @Test
    void theSameHl7MessageUnderANewMessageIdIsAcknowledgedButNotDeliveredAgain() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        SubmissionResult.Accepted first = nodes.order(order);
        waitingForAnOperator(first.messageId());
        deliveredOnce(nodes.lab(), order);

        SubmissionResult.Accepted again = nodes.order(order);

        assertThat(again.messageId()).isNotEqualTo(first.messageId());
        assertThat(again.hl7MessageId()).isEqualTo(order.id());
        MessageView sent = awaitOutbound(nodes.hospital(), again.messageId(), "COMPLETE");
        assertThat(eventTypes(sent)).contains("ACKNOWLEDGED");
        assertThat(deliveredOnce(nodes.lab(), order).messageId()).isEqualTo(first.messageId());
        MessageView copy = received(again.messageId());
        assertThat(copy.state()).isEqualTo("DUPLICATE");
        assertThat(copy.hl7MessageId()).isEqualTo(order.id());
        assertThat(copy.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("HL7_DUPLICATE");
            assertThat(e.detail()).contains(first.messageId());
        });
        assertThat(eventTypes(received(first.messageId()))).contains("RECEIVED", "HL7_DUPLICATE");
    }

    @Test
    void anOperatorsResendOfAMessageWhoseAcknowledgmentWasLostCompletesWithoutASecondDelivery() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        SubmissionResult.Accepted first = nodes.order(order);
        waitingForAnOperator(first.messageId());
        HandleManually operator = nodes.hospital().manualHandling();

        ManualHandlingResult resent = operator.resend(first.messageId(), "acknowledgment lost", "alice");

        assertThat(resent).isInstanceOf(ManualHandlingResult.Done.class);
        MessageView sent = awaitOutbound(nodes.hospital(), first.messageId(), "COMPLETE");
        assertThat(sent.hl7MessageId()).isEqualTo(order.id());
        deliveredOnce(nodes.lab(), order);
        // the same MessageId while the laboratory remembers it (ebXML duplicate elimination), a new one after
        // PersistDuration (the HL7-level check): either way, recognised on the message first received
        assertThat(eventTypes(received(first.messageId())))
                .containsAnyOf("DUPLICATE_RECEIVED", "HL7_DUPLICATE");
    }

    private static void waitingForAnOperator(String messageId) {
        eventually().until(() -> outbound(nodes.hospital(), messageId).state(),
                state -> state.equals("MANUAL") || state.equals("SLOW_RETRY"));
    }

    /** The laboratory's received message with this ebXML MessageId. */
    private static MessageView received(String messageId) {
        List<MessageView> found = nodes.lab().query().find(messageId).stream()
                .filter(m -> m.direction().equals("INBOUND")).toList();
        assertThat(found).as("received as %s", messageId).hasSize(1);
        return found.get(0);
    }
}
