package org.ebrelay.adapter.jdbc;

import org.ebrelay.app.WithDatabase;
import org.ebrelay.app.port.out.ClaimLimits;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A claim within per-partner limits (pacing): held partners are not read, the others get no more than their share. */
class PacedClaimTest extends WithDatabase {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final NodeId NODE = NodeId.of("node-a");
    private static final String LAB = "http://lab.example/ebms";
    private static final String PHARMACY = "http://pharmacy.example/ebms";
    private JdbcMessageStore store;

    @BeforeEach
    void fill() {
        store = new JdbcMessageStore(database);
        for (int i = 0; i < 6; i++) {
            store.insert(message("lab-" + i, LAB, T0.plusMillis(i)));
        }
        for (int i = 0; i < 3; i++) {
            store.insert(message("pharmacy-" + i, PHARMACY, T0.plusMillis(100 + i)));
        }
    }

    private static ClaimLimits limits(Set<String> excluded, Map<String, Integer> allowances) {
        return new ClaimLimits() {
            @Override
            public Set<String> excludedEndpoints() {
                return excluded;
            }

            @Override
            public int allowance(String endpointUrl) {
                return allowances.getOrDefault(endpointUrl, Integer.MAX_VALUE);
            }
        };
    }

    private List<String> claim(ClaimLimits limits) {
        return store.claimDue(NODE, T0.plusSeconds(1), T0.plusSeconds(61), 10, limits).stream()
                .map(ClaimedMessage::id).map(InternalId::value).toList();
    }

    @Test
    void aHeldPartnersMessagesAreNotClaimedAndStayAsTheyWere() throws SQLException {
        assertThat(claim(limits(Set.of(LAB), Map.of()))).containsExactly("pharmacy-0", "pharmacy-1", "pharmacy-2");

        assertThat(attemptsAndStates("lab-%")).as("untouched: no claim, no attempt, no event")
                .containsOnly("0 QUEUED");
        assertThat(eventCount("lab-%")).isEqualTo(6);
    }

    @Test
    void aPartnerGetsNoMoreThanItsAllowanceAndTheRestOfTheClaimGoesToOthers() {
        assertThat(claim(limits(Set.of(), Map.of(LAB, 2))))
                .containsExactly("lab-0", "lab-1", "pharmacy-0", "pharmacy-1", "pharmacy-2");
    }

    @Test
    void withoutLimitsEveryDueMessageIsClaimedOldestFirst() {
        assertThat(claim(ClaimLimits.NONE)).hasSize(9).startsWith("lab-0");
    }

    @Test
    void severalHeldPartnersAreAllLeftOut() {
        assertThat(claim(limits(Set.of(LAB, PHARMACY), Map.of()))).isEmpty();
    }

    private List<String> attemptsAndStates(String idPattern) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT attempts, state FROM outbound_messages WHERE id LIKE ?")) {
            select.setString(1, idPattern);
            try (ResultSet rows = select.executeQuery()) {
                List<String> found = new java.util.ArrayList<>();
                while (rows.next()) {
                    found.add(rows.getInt(1) + " " + rows.getString(2));
                }
                return found;
            }
        }
    }

    private int eventCount(String idPattern) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT COUNT(*) FROM message_events e JOIN outbound_messages m ON e.message_key = m.id"
                             + " WHERE m.id LIKE ?")) {
            select.setString(1, idPattern);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    static SubmittedMessage message(String key, String endpoint, Instant due) {
        MessageHeading heading = new MessageHeading(CpaId.of("cpa"), ConversationId.of("conv-" + key),
                MessageId.of(key + "@paced.example"), null, PartyId.untyped("urn:a"), PartyId.untyped("urn:b"),
                Service.of(null, "urn:s"), "A", T0);
        return new SubmittedMessage(InternalId.of(key), heading,
                new DeliveryTerms(true, true, false, 3, Duration.ofSeconds(30), Duration.ofHours(1)), null, null,
                endpoint, "\"ebXML\"", new WireBytes("text/xml", ("<p>" + key + "</p>").getBytes(StandardCharsets.UTF_8)),
                T0, due);
    }
}
