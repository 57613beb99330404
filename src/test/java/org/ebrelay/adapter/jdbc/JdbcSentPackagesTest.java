package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.ebrelay.app.WithDatabase;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NewMessageId;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.reliability.OutboundState;
import org.junit.jupiter.api.Test;

/** What we sent under each MessageId stays readable after a regeneration replaced the package (ACK-8). */
class JdbcSentPackagesTest extends WithDatabase {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final MessageId FIRST = MessageId.of("first@hospital.example");
    private static final MessageId SECOND = MessageId.of("second@hospital.example");

    @Test
    void the_package_of_the_current_id_and_of_every_replaced_id_is_found_by_its_id() {
        JdbcMessageStore store = new JdbcMessageStore(database);
        JdbcSentPackages sent = new JdbcSentPackages(database);
        InternalId id = InternalId.of("out-1");
        store.insert(submitted(id));
        assertThat(body(sent, FIRST)).isEqualTo("signed under the first id");

        ClaimedMessage claimed = store.claimDue(NodeId.of("node-a"), T0, T0.plusSeconds(60), 1).get(0);
        assertThat(store.assignNewMessageId(new NewMessageId(claimed.id(), OutboundState.SENDING, SECOND,
                T0.plusSeconds(1), null, wire("signed under the second id"), T0.plusSeconds(1)))).isTrue();

        assertThat(body(sent, SECOND)).isEqualTo("signed under the second id");
        assertThat(body(sent, FIRST)).isEqualTo("signed under the first id");
        assertThat(sent.sentUnder(MessageId.of("never@hospital.example"))).isEmpty();
    }

    private static String body(JdbcSentPackages sent, MessageId messageId) {
        return new String(sent.sentUnder(messageId).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    private static SubmittedMessage submitted(InternalId id) {
        MessageHeading heading = new MessageHeading(CpaId.of("cpa"), ConversationId.of("conv-1"), FIRST, "HL7-1",
                PartyId.untyped("urn:example:hospital"), PartyId.untyped("urn:example:lab"),
                Service.of(null, "urn:example:hl7"), "ORU_R01", T0);
        DeliveryTerms terms = new DeliveryTerms(true, true, false, 3, Duration.ofSeconds(30), Duration.ofHours(1));
        return new SubmittedMessage(id, heading, terms, null, null, "http://lab.example/ebms", "\"ebXML\"",
                wire("signed under the first id"), T0, T0);
    }

    private static WireBytes wire(String text) {
        return new WireBytes("text/xml", text.getBytes(StandardCharsets.UTF_8));
    }
}
