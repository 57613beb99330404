package org.ebrelay.adapter.bank;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.ebrelay.app.bank.FeedEvent;
import org.ebrelay.app.bank.FeedMessage;

/** Feed messages and events as a node would ship them. */
final class BankFixtures {
    private BankFixtures() {
    }

    static FeedMessage outbound(String key, String hl7Id, String state, Instant created, long snapshot,
                                String... messageIds) {
        List<FeedMessage.FeedMessageId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < messageIds.length; i++) {
            ids.add(new FeedMessage.FeedMessageId(messageIds[i], i + 1, created.plusSeconds(i)));
        }
        String current = messageIds[messageIds.length - 1];
        return new FeedMessage(key, "OUTBOUND", state, "cpa-1", "conv-" + key, current, hl7Id, "urn:x:HOSP",
                "urn:x:LAB", "svc", "", "Order", false, 1, created, created, null, snapshot, ids,
                new FeedMessage.FeedWire(current, "text/xml", ("<wire " + current + "/>")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    static FeedMessage bestEffort(String key, Instant created) {
        FeedMessage m = outbound(key, null, "COMPLETE", created, 1, "mid-" + key);
        return new FeedMessage(m.key(), m.direction(), "MANUAL", m.cpaId(), m.conversationId(), m.messageId(), null,
                m.from(), m.to(), m.service(), m.serviceType(), m.action(), true, 1, created, created, null, 1,
                m.messageIds(), m.wire());
    }

    static FeedMessage inbound(String key, String hl7Id, Instant received) {
        return new FeedMessage(key, "INBOUND", "DELIVERED", "cpa-1", "conv-" + key, "in-" + key, hl7Id,
                "urn:x:LAB", "urn:x:HOSP", "svc", "", "Result", false, 0, received, received, null, 1,
                List.of(new FeedMessage.FeedMessageId("in-" + key, 1, received)), null);
    }

    static FeedEvent event(long seq, String key, Instant at, String type) {
        return new FeedEvent(seq, key, at, type, null, null, "detail " + seq);
    }
}
