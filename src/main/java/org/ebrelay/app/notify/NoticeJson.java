package org.ebrelay.app.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ebrelay.app.JsonText;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.Notice;
import org.ebrelay.app.port.out.NoticeKind;

/** The JSON bodies of the notice pushes; both carry a {@code type} field that tells them from delivery pushes. */
public final class NoticeJson {
    private NoticeJson() {
    }

    /** An application notice: {@code {type: "notice", noticeId, kind, messageId, messageIds, ...}}. */
    public static byte[] of(Notice n) {
        MessageHeading h = n.heading();
        return new JsonText().field("type", "notice")
                .field("noticeId", n.id().value())
                .field("kind", n.kind().name())
                .field("messageId", h.messageId().value())
                .field("messageIds", n.messageIds())
                .field("previousMessageId", n.previousId() == null ? null : n.previousId().value())
                .field("hl7MessageId", h.hl7Id())
                .field("cpaId", h.cpaId().value())
                .field("conversationId", h.conversationId().value())
                .field("from", PartyIds.format(h.from()))
                .field("to", PartyIds.format(h.to()))
                .field("service", h.service().value())
                .field("action", h.action())
                .field("detail", n.detail())
                .field("nextAttemptAt", n.nextAttemptAt() == null ? null : n.nextAttemptAt().toString())
                .field("createdAt", n.createdAt().toString())
                .bytes();
    }

    /** An administrator notice: {@code {type: "adminNotice", notice: "OUTAGE_STARTED", cpaId, partner, counts...}}. */
    public static byte[] of(AdminNotice n, String node) {
        return new JsonText().field("type", "adminNotice")
                .field("notice", n.type().name())
                .field("node", node)
                .field("cpaId", n.partner() == null ? null : n.partner().cpaId().value())
                .field("partner", n.partner() == null ? null : PartyIds.format(n.partner().party()))
                .field("at", n.at().toString())
                .field("since", n.since() == null ? null : n.since().toString())
                .field("outageSince", n.outageSince() == null ? null : n.outageSince().toString())
                .field("counts", sorted(n.counts()))
                .field("outageTotals", sorted(n.outageTotals()))
                .field("examples", n.examples().stream().map(NoticeJson::example).toList())
                .bytes();
    }

    private static Map<String, Integer> sorted(Map<NoticeKind, Integer> counts) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        new TreeMap<>(counts).forEach((k, v) -> sorted.put(k.name(), v));
        return sorted;
    }

    private static JsonText example(AdminNotice.Example e) {
        return new JsonText().field("kind", e.kind() == null ? null : e.kind().name()).field("messageId", e.messageId())
                .field("hl7MessageId", e.hl7Id()).field("detail", e.detail()).field("at", e.at().toString());
    }
}
