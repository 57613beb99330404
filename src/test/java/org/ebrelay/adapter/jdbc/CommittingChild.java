package org.ebrelay.adapter.jdbc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;

/**
 * The child process of {@link DurabilityTest}: stores messages from several threads for ever and prints
 * {@code COMMITTED <id>} for each one the store has answered for, until it is killed.
 */
public final class CommittingChild {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private CommittingChild() {
    }

    public static void main(String[] args) {
        Database database = Database.open(DatabaseSettings.h2File(Path.of(args[0]),
                Durability.fromSetting(args.length > 1 ? args[1] : "commit")));
        MessageStore store = new JdbcMessageStore(database);
        for (int thread = 0; thread < 8; thread++) {
            String prefix = "t" + thread + "-";
            new Thread(() -> storeForEver(store, prefix), "submitter-" + thread).start();
        }
    }

    private static void storeForEver(MessageStore store, String prefix) {
        for (long n = 0; ; n++) {
            String key = prefix + n;
            store.insert(message(key));
            System.out.println("COMMITTED " + key);
            System.out.flush();
        }
    }

    static SubmittedMessage message(String key) {
        MessageHeading heading = new MessageHeading(CpaId.of("cpa"), ConversationId.of("conv-" + key),
                MessageId.of(key + "@child.example"), null, PartyId.untyped("urn:a"), PartyId.untyped("urn:b"),
                Service.of(null, "urn:s"), "A", T0);
        return new SubmittedMessage(InternalId.of(key), heading,
                new DeliveryTerms(true, true, false, 3, Duration.ofSeconds(30), Duration.ofHours(1)), null, null,
                "http://b.example/ebms", "\"ebXML\"",
                new WireBytes("text/xml", ("<payload>" + key + "</payload>").repeat(50)
                        .getBytes(StandardCharsets.UTF_8)), T0, T0);
    }
}
