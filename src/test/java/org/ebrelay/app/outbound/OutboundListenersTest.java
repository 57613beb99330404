package org.ebrelay.app.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.junit.jupiter.api.Test;

class OutboundListenersTest {
    private static final MessageHeading HEADING = new MessageHeading(new CpaId("cpa"), new ConversationId("c"),
            new MessageId("m1@x"), "HL7-1", PartyId.untyped("A"), PartyId.untyped("B"), Service.of(null, "svc"),
            "act", Instant.parse("2026-11-22T00:00:00Z"));

    @Test
    void aListenerThatThrowsDoesNotKeepTheOthersFromHearing() {
        List<String> heard = new ArrayList<>();
        OutboundListener failing = new OutboundListener() {
            @Override
            public void completed(MessageHeading heading, Duration sinceCreated) {
                throw new IllegalStateException("broken listener");
            }
        };
        OutboundListener recording = new OutboundListener() {
            @Override
            public void completed(MessageHeading heading, Duration sinceCreated) {
                heard.add("completed " + heading.messageId().value());
            }

            @Override
            public void messageIdRegenerated(MessageHeading heading, MessageId previous) {
                heard.add("regenerated " + previous.value() + " -> " + heading.messageId().value());
            }
        };

        OutboundListener all = OutboundListener.all(List.of(failing, recording));
        all.completed(HEADING, Duration.ofMillis(5));
        all.messageIdRegenerated(HEADING, new MessageId("m0@x"));

        assertThat(heard).containsExactly("completed m1@x", "regenerated m0@x -> m1@x");
    }

    @Test
    void aLiveListReachesListenersAddedAfterItWasMade() {
        List<OutboundListener> live = new CopyOnWriteArrayList<>();
        OutboundListener each = OutboundListener.each(live);
        List<String> heard = new ArrayList<>();
        each.failed(HEADING, "before anyone listens");
        live.add(new OutboundListener() {
            @Override
            public void failed(MessageHeading heading, String reason) {
                heard.add(reason);
            }
        });

        each.failed(HEADING, "rejected by the partner");

        assertThat(heard).containsExactly("rejected by the partner");
    }
}
