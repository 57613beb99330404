package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.deliveries;
import static org.ebrelay.e2e.Observed.eventTypes;
import static org.ebrelay.e2e.Observed.inbound;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The laboratory's node receiving messages posted straight to its /ebms: a resend of the same bytes gets the stored
 * Acknowledgment byte for byte and no second delivery (RM-R5), a MessageId reused for other content and a message
 * whose TimeToLive has passed get a MessageError and no delivery.
 */
class ReceiverRulesTest {
    @TempDir
    static Path root;
    static TwoNodes nodes;

    @BeforeAll
    static void startNodes() {
        nodes = TwoNodes.in(root).start();
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void theSameMessagePostedTwiceIsDeliveredOnceAndTheStoredAcknowledgmentIsReplayedByteForByte() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        String messageId = Hl7Messages.newId() + "@hospital.example";
        WireMessage wire = PostedMessages.encode(PostedMessages.order(messageId, order, Instant.now(), null));

        PostedMessages.Answer first = PostedMessages.post(nodes.lab().baseUri(), wire);
        PostedMessages.Answer second = PostedMessages.post(nodes.lab().baseUri(), wire);

        assertThat(first.status()).isEqualTo(200);
        EbmsMessage ack = acknowledgment(first.decoded());
        assertThat(ack.header().refToMessageId().value()).isEqualTo(messageId);
        assertThat(ack.acknowledgment().refToMessageId().value()).isEqualTo(messageId);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.contentType()).isEqualTo(first.contentType());
        assertThat(second.body()).as("the stored Acknowledgment, replayed").isEqualTo(first.body());
        deliveredOnce(nodes.lab(), order);
        assertThat(eventTypes(inbound(nodes.lab(), messageId))).containsOnlyOnce("DUPLICATE_RECEIVED");
    }

    @Test
    void aMessageIdReusedForOtherContentGetsAnErrorAndIsNotDelivered() {
        Hl7Messages.Er7 original = Hl7Messages.order();
        Hl7Messages.Er7 other = Hl7Messages.order();
        String messageId = Hl7Messages.newId() + "@hospital.example";
        Instant now = Instant.now();
        PostedMessages.Answer first = PostedMessages.post(nodes.lab().baseUri(),
                PostedMessages.encode(PostedMessages.order(messageId, original, now, null)));

        PostedMessages.Answer reused = PostedMessages.post(nodes.lab().baseUri(),
                PostedMessages.encode(PostedMessages.order(messageId, other, now, null)));

        acknowledgment(first.decoded());
        EbmsError error = messageError(reused.decoded(), messageId);
        assertThat(error.is(ErrorCode.INCONSISTENT)).as(error.toString()).isTrue();
        assertThat(error.description()).contains(messageId);
        deliveredOnce(nodes.lab(), original);
        assertThat(deliveries(nodes.lab(), other.id())).isEmpty();
    }

    @Test
    void aMessageWhoseTimeToLiveHasPassedGetsTimeToLiveExpiredAndIsNotDelivered() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        String messageId = Hl7Messages.newId() + "@hospital.example";
        Instant now = Instant.now();
        WireMessage expired = PostedMessages.encode(PostedMessages.order(messageId, order,
                now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))));

        PostedMessages.Answer answer = PostedMessages.post(nodes.lab().baseUri(), expired);

        EbmsError error = messageError(answer.decoded(), messageId);
        assertThat(error.is(ErrorCode.TIME_TO_LIVE_EXPIRED)).as(error.toString()).isTrue();
        assertThat(deliveries(nodes.lab(), order.id())).isEmpty();
        assertThat(nodes.lab().query().find(messageId)).allSatisfy(m -> assertThat(m.state()).isEqualTo("REJECTED"));
    }

    private static EbmsMessage acknowledgment(Decoded decoded) {
        assertThat(decoded.message()).as("an ebXML reply: %s", decoded).isNotNull();
        assertThat(decoded.message().kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
        return decoded.message();
    }

    /** The one error of the MessageError that answers {@code messageId}. */
    private static EbmsError messageError(Decoded decoded, String messageId) {
        assertThat(decoded.message()).as("an ebXML reply: %s", decoded).isNotNull();
        EbmsMessage reply = decoded.message();
        assertThat(reply.kind()).isEqualTo(MessageKind.MESSAGE_ERROR);
        assertThat(reply.header().refToMessageId().value()).isEqualTo(messageId);
        assertThat(reply.errorList().highestSeverity()).isEqualTo(Severity.ERROR);
        assertThat(reply.errorList().errors()).hasSize(1);
        return reply.errorList().errors().get(0);
    }
}
