package org.ebrelay.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.junit.jupiter.api.Test;

class PendingRepliesTest {
    private static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");
    private static final MessageId PING = MessageId.of("ping-1@lab.test");

    private final SteppingClock clock = new SteppingClock();
    private final PendingReplies pending = new PendingReplies(clock, Duration.ofMinutes(2));

    private static EbmsMessage pong(MessageId ping) {
        EbmsMessage request = EbmsMessages.ping(CpaId.of("cpa"), ConversationId.of("c"),
                Party.of(PartyId.untyped("urn:a"), null), Party.of(PartyId.untyped("urn:b"), null), ping, T0, true);
        return EbmsMessages.pongFor(request.header(), MessageId.of("pong@b.test"), T0);
    }

    @Test
    void aReplyCompletesTheFutureOfItsRequestAndIsThenForgotten() throws Exception {
        CompletableFuture<EbmsMessage> waiting = pending.register(PING);

        assertThat(pending.complete(PING, pong(PING))).isTrue();

        assertThat(waiting.get().messageId()).isEqualTo(MessageId.of("pong@b.test"));
        assertThat(pending.size()).isZero();
        assertThat(pending.complete(PING, pong(PING))).as("a second reply finds nobody").isFalse();
    }

    @Test
    void inAClusterAReplyThisNodeDoesNotAwaitIsLeftForTheNodeThatDoesAndItsOwnAreCompletedHere() throws Exception {
        java.util.List<String> calls = new java.util.ArrayList<>();
        pending.shareWith(new PendingReplies.Elsewhere() {
            @Override
            public void expect(MessageId requestId) {
                calls.add("expect " + requestId);
            }

            @Override
            public boolean leave(MessageId requestId, EbmsMessage reply) {
                calls.add("leave " + requestId);
                return requestId.value().startsWith("theirs");
            }

            @Override
            public void forget(MessageId requestId) {
                calls.add("forget " + requestId);
            }
        });
        CompletableFuture<EbmsMessage> waiting = pending.register(PING);

        assertThat(pending.complete(MessageId.of("theirs@lab.test"), pong(PING))).isTrue();
        assertThat(pending.complete(MessageId.of("nobodys@lab.test"), pong(PING))).isFalse();
        assertThat(pending.awaited()).containsExactly(PING);
        assertThat(pending.completeHere(PING, pong(PING))).isTrue();

        assertThat(waiting.get().messageId()).isEqualTo(MessageId.of("pong@b.test"));
        assertThat(calls).containsExactly("expect " + PING, "leave theirs@lab.test", "leave nobodys@lab.test",
                "forget " + PING);
    }

    @Test
    void aReplyNobodyWaitsForIsRefused() {
        assertThat(pending.complete(PING, pong(PING))).isFalse();
    }

    @Test
    void aCancelledWaitIgnoresALateReply() {
        CompletableFuture<EbmsMessage> waiting = pending.register(PING);

        pending.cancel(PING);

        assertThat(waiting).isCancelled();
        assertThat(pending.complete(PING, pong(PING))).isFalse();
        assertThat(pending.size()).isZero();
    }

    @Test
    void waitingTwiceForTheSameRequestIsAMistake() {
        pending.register(PING);

        assertThatIllegalStateException().isThrownBy(() -> pending.register(PING));
    }

    @Test
    void aWaiterThatGaveUpOnItsOwnLeavesNothingBehind() {
        CompletableFuture<EbmsMessage> waiting = pending.register(PING);

        waiting.completeExceptionally(new TimeoutException("caller's own timeout"));

        assertThat(pending.size()).isZero();
    }

    @Test
    void entriesOlderThanTheExpiryAreTimedOutWhenTheMapIsNextUsed() {
        CompletableFuture<EbmsMessage> old = pending.register(PING);
        clock.now = T0.plus(Duration.ofMinutes(2));
        CompletableFuture<EbmsMessage> exactlyAtLimit = pending.register(MessageId.of("ping-2@lab.test"));
        clock.now = T0.plus(Duration.ofMinutes(2)).plusMillis(1);

        pending.register(MessageId.of("ping-3@lab.test"));

        assertThat(old).isCompletedExceptionally();
        assertThat(exactlyAtLimit).isNotDone();
        assertThat(pending.size()).isEqualTo(2);
        ExecutionException failure = catchThrowableOfType(old::get, ExecutionException.class);
        assertThat(failure.getCause()).isInstanceOf(TimeoutException.class);
        assertThat(pending.expireOverdue()).isZero();
    }

    private static final class SteppingClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
