package org.ebrelay.app.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ebrelay.adapter.webhook.HttpApplicationWebhook;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.TestStore;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.MessageDetails;
import org.ebrelay.app.port.out.MessageEvent;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.InboundState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.ServiceFixtures.CODEC;
import static org.ebrelay.app.ServiceFixtures.DEMO;
import static org.ebrelay.app.ServiceFixtures.HOSPITAL;
import static org.ebrelay.app.ServiceFixtures.LAB;
import static org.ebrelay.app.ServiceFixtures.T0;
import static org.ebrelay.app.ServiceFixtures.hl7;
import static org.ebrelay.app.ServiceFixtures.received;
import static org.ebrelay.app.ServiceFixtures.userMessage;

/** Webhook pushes from the real store to a real HTTP server on loopback, through the JDK-client adapter. */
class WebhookPusherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    private static TestStore testStore;
    private static MessageStore store;
    private final TestClock clock = new TestClock(T0.plusSeconds(10));
    private final HttpApplicationWebhook http = new HttpApplicationWebhook(Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    private RecordingWebhookServer application;

    @BeforeAll
    static void open() {
        testStore = new TestStore(dataDir);
        store = testStore.store();
    }

    @AfterAll
    static void close() {
        testStore.close();
    }

    @BeforeEach
    void start() throws Exception {
        testStore.empty();
        application = new RecordingWebhookServer();
    }

    @AfterEach
    void stop() {
        application.close();
    }

    private WebhookPusher pusher(int retries) {
        return pusherTo(application.url(), retries);
    }

    private WebhookPusher pusherTo(URI url, int retries) {
        Webhook results = new Webhook(DEMO.value(), null, "ORU_R01", url, retries, INTERVAL);
        return new WebhookPusher(store, CODEC, new WebhookRouting(List.of(results)), http, clock);
    }

    /** A result received at T0+1 with one delivery to the hospital, due for its first push then. */
    private void receiveResult(String key) {
        EbmsMessage result = userMessage(key + "@nrl.example", LAB, HOSPITAL, "ORU_R01", T0,
                hl7("hl7-" + key + "@nrl.example", "HL7-" + key));
        store.register(received("in-" + key, result, "HL7-" + key, T0.plusSeconds(1),
                new NewDelivery(DeliveryId.of("dlv-" + key), HOSPITAL, T0.plusSeconds(1))));
    }

    private Delivery delivery(String key) {
        return store.findDelivery(DeliveryId.of("dlv-" + key)).orElseThrow();
    }

    private MessageDetails message(String key) {
        return store.findByMessageId(MessageId.of(key + "@nrl.example")).get(0);
    }

    @Test
    void aDuePushIsPostedAsJsonAndA2xxConfirmsTheDelivery() throws Exception {
        receiveResult("a");

        int pushed = pusher(2).pushDue();

        assertThat(pushed).isEqualTo(1);
        RecordingWebhookServer.Post post = application.posts().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/hook");
        assertThat(post.contentType()).isEqualTo("application/json");
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.get("deliveryId").asText()).isEqualTo("dlv-a");
        assertThat(body.get("messageId").asText()).isEqualTo("a@nrl.example");
        assertThat(body.get("hl7MessageId").asText()).isEqualTo("HL7-a");
        assertThat(body.get("cpaId").asText()).isEqualTo("urn:ebrelay:demo:cpa:hospital-lab:1");
        assertThat(body.get("from").asText()).isEqualTo("urn:oid:2.16.840.1.113883.19.5:NRL-0042");
        assertThat(body.get("to").asText()).isEqualTo("urn:oid:2.16.840.1.113883.19.5:RGH-0001");
        assertThat(body.get("service").asText()).isEqualTo("urn:example:services:hl7v2:laboratory");
        assertThat(body.get("action").asText()).isEqualTo("ORU_R01");
        assertThat(Instant.parse(body.get("receivedAt").asText())).isEqualTo(T0.plusSeconds(1));
        assertThat(body.get("payloads")).hasSize(1);
        JsonNode payload = body.get("payloads").get(0);
        assertThat(payload.get("contentId").asText()).isEqualTo("hl7-a@nrl.example");
        assertThat(payload.get("contentType").asText()).isEqualTo("application/hl7-v2");
        assertThat(new String(Base64.getDecoder().decode(payload.get("content").asText()), StandardCharsets.UTF_8))
                .isEqualTo(new String(hl7("x", "HL7-a").content(), StandardCharsets.UTF_8));
        assertThat(delivery("a").confirmedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(message("a").summary().state()).isEqualTo(InboundState.DELIVERED);
        assertThat(pusher(2).pushDue()).isZero();
        assertThat(application.posts()).hasSize(1);
    }

    @Test
    void aFailedPushIsRetriedAfterTheIntervalAndThenSucceeds() {
        receiveResult("a");
        application.answer(500, 200);
        WebhookPusher pusher = pusher(2);

        pusher.pushDue();

        Delivery failed = delivery("a");
        assertThat(failed.confirmed()).isFalse();
        assertThat(failed.pushAttempts()).isEqualTo(1);
        assertThat(failed.nextPushAt()).isEqualTo(T0.plusSeconds(10).plus(INTERVAL));
        assertThat(failed.lastPushError()).startsWith("HTTP 500 from " + application.url() + " (push 1 of 3)");
        clock.advance(INTERVAL.minusSeconds(1));
        assertThat(pusher.pushDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(pusher.pushDue()).isEqualTo(1);
        assertThat(application.posts()).hasSize(2);
        assertThat(delivery("a").confirmedAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(message("a").events()).extracting(MessageEvent::type)
                .containsExactly(EventType.RECEIVED, EventType.PUSH_FAILED, EventType.DELIVERED);
    }

    @Test
    void afterItsRetriesTheDeliveryStaysInTheInboxAndTheGivingUpIsAnEvent() {
        receiveResult("a");
        application.answer(500, 503);
        WebhookPusher pusher = pusher(1);

        pusher.pushDue();
        clock.advance(INTERVAL);
        pusher.pushDue();
        clock.advance(Duration.ofDays(1));
        int later = pusher.pushDue();

        assertThat(later).isZero();
        assertThat(application.posts()).hasSize(2);
        Delivery given = delivery("a");
        assertThat(given.confirmed()).isFalse();
        assertThat(given.nextPushAt()).isNull();
        assertThat(given.pushAttempts()).isEqualTo(2);
        assertThat(store.listDeliveries(HOSPITAL, false, 10)).extracting(Delivery::id)
                .containsExactly(DeliveryId.of("dlv-a"));
        List<MessageEvent> events = message("a").events();
        assertThat(events).extracting(MessageEvent::type)
                .containsExactly(EventType.RECEIVED, EventType.PUSH_FAILED, EventType.PUSH_FAILED);
        assertThat(events.get(2).detail()).isEqualTo("push of delivery dlv-a failed: HTTP 503 from "
                + application.url() + "; gave up after 2 pushes, the delivery stays in the inbox");
        assertThat(message("a").summary().state()).isEqualTo(InboundState.RECEIVED);
    }

    @Test
    void anUnreachableWebhookIsAFailedPushWithTheReason() throws Exception {
        receiveResult("a");
        URI closed;
        try (RecordingWebhookServer gone = new RecordingWebhookServer()) {
            closed = gone.url();
        }

        pusherTo(closed, 3).pushDue();

        Delivery failed = delivery("a");
        assertThat(failed.confirmed()).isFalse();
        assertThat(failed.pushAttempts()).isEqualTo(1);
        assertThat(failed.lastPushError()).startsWith("cannot reach the webhook: ");
        assertThat(failed.nextPushAt()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void aDeliveryNoWebhookMatchesAnyMoreStopsBeingPushedAndStaysInTheInbox() {
        receiveResult("a");
        WebhookPusher onlyOrders = new WebhookPusher(store, CODEC, new WebhookRouting(List.of(
                new Webhook(null, null, "OML_O21", application.url(), 3, INTERVAL))), http, clock);

        onlyOrders.pushDue();

        assertThat(application.posts()).isEmpty();
        Delivery delivery = delivery("a");
        assertThat(delivery.nextPushAt()).isNull();
        assertThat(delivery.confirmed()).isFalse();
        assertThat(delivery.lastPushError())
                .isEqualTo("not pushed: no webhook or MLLP destination takes it; the delivery stays in the inbox");
    }

    @Test
    void callsWhileAPushRunsReturnAtOnceAndEveryDeliveryIsPushedExactlyOnce() throws Exception {
        receiveResult("a");
        receiveResult("b");
        receiveResult("c");
        WebhookPusher pusher = pusher(2);
        application.holdAnswers();

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(pusher::pushDue);
        assertThat(application.awaitFirstPost()).isTrue();
        int whileRunning = pusher.pushDue() + pusher.pushDue() + pusher.pushDue();
        application.release();

        assertThat(whileRunning).isZero();
        assertThat(first.get()).isEqualTo(3);
        assertThat(application.posts()).extracting(p -> JSON.readTree(p.body()).get("deliveryId").asText())
                .containsExactlyInAnyOrder("dlv-a", "dlv-b", "dlv-c");
        assertThat(store.listDeliveries(null, false, 10)).isEmpty();
    }

    @Test
    void aPushedPayloadKeepsBinaryContentExactly() throws Exception {
        byte[] pdf = new byte[256];
        for (int i = 0; i < pdf.length; i++) {
            pdf[i] = (byte) i;
        }
        EbmsMessage result = userMessage("p@nrl.example", LAB, HOSPITAL, "ORU_R01", T0,
                new Payload("report@nrl.example", "application/pdf", pdf), hl7("hl7@nrl.example", "HL7-p"));
        store.register(received("in-p", result, "HL7-\"quoted\"\\", T0.plusSeconds(1),
                new NewDelivery(DeliveryId.of("dlv-p"), HOSPITAL, T0.plusSeconds(1))));

        pusher(0).pushDue();

        JsonNode body = JSON.readTree(application.posts().get(0).body());
        assertThat(body.get("hl7MessageId").asText()).isEqualTo("HL7-\"quoted\"\\");
        assertThat(body.get("payloads")).extracting(p -> p.get("contentId").asText())
                .containsExactly("report@nrl.example", "hl7@nrl.example");
        assertThat(Base64.getDecoder().decode(body.get("payloads").get(0).get("content").asText())).isEqualTo(pdf);
    }
}
