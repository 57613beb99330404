package org.ebrelay.app.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.inbound.Messages.NOW;
import static org.ebrelay.app.inbound.Messages.reliableOrder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.Payload;
import org.junit.jupiter.api.Test;

/** What makes two copies under one MessageId the same message (RM-R4). */
class ContentDigestTest {
    private static final EbmsMessage ORIGINAL = reliableOrder("a").build();

    private static EbmsMessage withHeader(UnaryOperator<MessageHeader> change) {
        return ORIGINAL.toBuilder().header(change.apply(ORIGINAL.header())).build();
    }

    private static EbmsMessage withPayload(Payload payload) {
        return new EbmsMessage(ORIGINAL.header(), ORIGINAL.ackRequested(), true, null, null, null, null, null, null,
                false, List.of(payload));
    }

    @Test
    void aResendWithAnotherTimestampTimeToLiveAndSyncReplyIsTheSameMessage() {
        EbmsMessage resent = withHeader(h -> new MessageHeader(h.from(), h.to(), h.cpaId(), h.conversationId(),
                h.service(), h.action(), new MessageData(h.messageId(), NOW.plusSeconds(30), null,
                NOW.plusSeconds(3600)), true, List.of())).toBuilder().syncReply(false).ackRequested(null).build();

        assertThat(ContentDigest.of(resent)).isEqualTo(ContentDigest.of(ORIGINAL)).hasSize(32);
    }

    @Test
    void anotherPayloadContentOrTypeIsAnotherMessage() {
        Payload payload = ORIGINAL.payloads().get(0);

        assertThat(ContentDigest.of(withPayload(new Payload(payload.contentId(), payload.contentType(),
                "MSH|other".getBytes(StandardCharsets.UTF_8))))).isNotEqualTo(ContentDigest.of(ORIGINAL));
        assertThat(ContentDigest.of(withPayload(new Payload(payload.contentId(), "text/plain", payload.content()))))
                .isNotEqualTo(ContentDigest.of(ORIGINAL));
        assertThat(ContentDigest.of(withPayload(new Payload("other@hospital.test", payload.contentType(),
                payload.content())))).isNotEqualTo(ContentDigest.of(ORIGINAL));
    }

    @Test
    void anotherConversationCpaOrActionIsAnotherMessage() {
        assertThat(ContentDigest.of(withHeader(h -> new MessageHeader(h.from(), h.to(), h.cpaId(),
                ConversationId.of("conv-other"), h.service(), h.action(), h.messageData(), true, List.of()))))
                .isNotEqualTo(ContentDigest.of(ORIGINAL));
        assertThat(ContentDigest.of(withHeader(h -> new MessageHeader(h.from(), h.to(), CpaId.of("other"),
                h.conversationId(), h.service(), h.action(), h.messageData(), true, List.of()))))
                .isNotEqualTo(ContentDigest.of(ORIGINAL));
        assertThat(ContentDigest.of(withHeader(h -> new MessageHeader(h.from(), h.to(), h.cpaId(),
                h.conversationId(), h.service(), "ORU_R01", h.messageData(), true, List.of()))))
                .isNotEqualTo(ContentDigest.of(ORIGINAL));
    }

    @Test
    void fieldsAreKeptApartSoTextCannotMoveFromOneToTheNext() {
        Payload payload = ORIGINAL.payloads().get(0);
        EbmsMessage shifted = withPayload(new Payload(payload.contentId() + "a", "pplication/hl7-v2; charset=UTF-8",
                payload.content()));
        EbmsMessage original = withPayload(new Payload(payload.contentId(), "application/hl7-v2; charset=UTF-8",
                payload.content()));

        assertThat(ContentDigest.of(shifted)).isNotEqualTo(ContentDigest.of(original));
    }
}
