package org.ebrelay.app;

import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.MessageId;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.ebrelay.app.ServiceFixtures.HOSPITAL;
import static org.ebrelay.app.ServiceFixtures.LAB;
import static org.ebrelay.app.ServiceFixtures.T0;
import static org.ebrelay.app.ServiceFixtures.userMessage;

class PendingRepliesTest {
    private static final MessageId PING = MessageId.of("ping-1@rgh.test");
    private static final EbmsMessage PONG = EbmsMessages.pongFor(
            userMessage("ping-1@rgh.test", HOSPITAL, LAB, "Ping", T0).header(), MessageId.of("pong-1@nrl.test"), T0);

    private final PendingReplies pending = new PendingReplies();

    @Test
    void aRegisteredWaiterGetsTheReplyOnceAndIsForgotten() {
        CompletableFuture<EbmsMessage> reply = pending.register(PING);

        assertThat(pending.complete(PING, PONG)).isTrue();

        assertThat(reply).isCompletedWithValue(PONG);
        assertThat(pending.size()).isZero();
        assertThat(pending.complete(PING, PONG)).as("a second reply finds nobody").isFalse();
    }

    @Test
    void aReplyNobodyWaitsForIsNotTaken() {
        assertThat(pending.complete(MessageId.of("other@x"), PONG)).isFalse();
        assertThat(pending.complete(null, PONG)).isFalse();
    }

    @Test
    void cancellingStopsTheWaitAndFreesTheEntry() {
        CompletableFuture<EbmsMessage> reply = pending.register(PING);

        pending.cancel(PING);
        pending.cancel(PING);

        assertThat(reply).isCancelled();
        assertThat(pending.size()).isZero();
        assertThat(pending.complete(PING, PONG)).isFalse();
        assertThat(pending.register(PING)).isNotDone();
    }

    @Test
    void waitingTwiceForTheSameIdIsRefused() {
        pending.register(PING);

        assertThatIllegalStateException().isThrownBy(() -> pending.register(PING))
                .withMessage("a reply to ping-1@rgh.test is already awaited");
    }
}
