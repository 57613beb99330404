package org.ebrelay.app.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.app.port.out.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Best-effort asynchronous replies: a few quick retries on a retryable outcome, never more, never on a permanent one. */
class AsyncRepliesTest {
    private static final URI PARTNER = URI.create("http://127.0.0.1:8081/ebms");
    private static final WireMessage ACK = new WireMessage("text/xml", WireMessage.EBXML_SOAP_ACTION,
            "<ack/>".getBytes(StandardCharsets.UTF_8));

    private final RecordingTransport partner = new RecordingTransport();
    private AsyncReplies replies;

    private AsyncReplies replies(Duration retryDelay) {
        replies = new AsyncReplies(partner, new AsyncReplies.Settings(3, retryDelay, Duration.ofSeconds(5), 1));
        return replies;
    }

    @AfterEach
    void close() {
        replies.close();
    }

    private static AsyncReplies.Result resultOf(CompletableFuture<AsyncReplies.Result> sending) throws Exception {
        return sending.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aReplyIsPostedOnceWhenThePartnerTakesIt() throws Exception {
        AsyncReplies.Result result = resultOf(replies(Duration.ofMillis(1)).send(PARTNER, ACK, "ack"));

        assertThat(result).isEqualTo(new AsyncReplies.Result(true, 1, "HTTP 204"));
        assertThat(partner.all()).singleElement().satisfies(sent -> {
            assertThat(sent.endpoint()).isEqualTo(PARTNER);
            assertThat(sent.message()).isEqualTo(ACK);
        });
    }

    @Test
    void aRetryableFailureIsRetriedUntilThePartnerTakesTheReply() throws Exception {
        partner.answering(new SendOutcome.RetryableFailure("connection refused", null),
                new SendOutcome.RetryableFailure("HTTP 503", 503));

        AsyncReplies.Result result = resultOf(replies(Duration.ofMillis(1)).send(PARTNER, ACK, "ack"));

        assertThat(result).isEqualTo(new AsyncReplies.Result(true, 3, "HTTP 204"));
        assertThat(partner.all()).hasSize(3);
    }

    @Test
    void retriesAreBoundedByTheAttempts() throws Exception {
        for (int i = 0; i < 5; i++) {
            partner.answering(new SendOutcome.RetryableFailure("connection refused", null));
        }

        AsyncReplies.Result result = resultOf(replies(Duration.ofMillis(1)).send(PARTNER, ACK, "ack"));

        assertThat(result).isEqualTo(new AsyncReplies.Result(false, 3, "connection refused"));
        assertThat(partner.all()).hasSize(3);
    }

    @Test
    void aPermanentFailureIsNotRetried() throws Exception {
        partner.answering(new SendOutcome.PermanentFailure("HTTP 400", 400, null));

        AsyncReplies.Result result = resultOf(replies(Duration.ofMillis(1)).send(PARTNER, ACK, "ack"));

        assertThat(result).isEqualTo(new AsyncReplies.Result(false, 1, "HTTP 400"));
        assertThat(partner.all()).hasSize(1);
    }

    @Test
    void closingDropsAWaitingRetryAndSaysSo() throws Exception {
        partner.answering(new SendOutcome.RetryableFailure("connection refused", null));
        CompletableFuture<AsyncReplies.Result> sending = replies(Duration.ofHours(1)).send(PARTNER, ACK, "ack");
        partner.next();

        replies.close();

        assertThat(resultOf(sending)).isEqualTo(new AsyncReplies.Result(false, 1, "shut down"));
        assertThat(partner.all()).hasSize(1);
    }

    @Test
    void nothingIsSentOnceClosed() throws Exception {
        replies(Duration.ofMillis(1)).close();

        assertThat(resultOf(replies.send(PARTNER, ACK, "ack"))).isEqualTo(new AsyncReplies.Result(false, 0,
                "shut down"));
        assertThat(partner.all()).isEmpty();
    }
}
