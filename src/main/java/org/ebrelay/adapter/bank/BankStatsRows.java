package org.ebrelay.adapter.bank;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ebrelay.adapter.bank.Views.Bucket;
import org.ebrelay.adapter.bank.Views.Dashboard;
import org.ebrelay.adapter.bank.Views.Node;
import org.ebrelay.adapter.bank.Views.NodeCounts;
import org.ebrelay.adapter.bank.Views.PartnerCounts;

/** Dashboard counts and the node list. */
final class BankStatsRows {
    private BankStatsRows() {
    }

    static Dashboard dashboard(Connection c, Instant since, Instant until, Duration bucket, Instant staleBefore)
            throws SQLException {
        Map<String, Long> byState = new TreeMap<>();
        Map<String, PartnerCounts> byPartner = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT partner, state, COUNT(*) FROM bank_messages"
                + " WHERE created_at >= ? AND created_at < ? GROUP BY partner, state")) {
            select.setLong(1, since.toEpochMilli());
            select.setLong(2, until.toEpochMilli());
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    String partner = r.getString(1);
                    String state = r.getString(2);
                    long count = r.getLong(3);
                    byState.merge(state, count, Long::sum);
                    PartnerCounts p = byPartner.getOrDefault(partner, new PartnerCounts(partner, 0, new TreeMap<>()));
                    p.byState().merge(state, count, Long::sum);
                    byPartner.put(partner, new PartnerCounts(partner, p.total() + count, p.byState()));
                }
            }
        }
        return new Dashboard(byState, new ArrayList<>(byPartner.values()), throughput(c, since, until, bucket),
                nodeCounts(c, staleBefore));
    }

    private static List<Bucket> throughput(Connection c, Instant since, Instant until, Duration bucket)
            throws SQLException {
        long width = bucket.toMillis();
        long start = since.toEpochMilli() - Math.floorMod(since.toEpochMilli(), width);
        int count = (int) ((until.toEpochMilli() - start + width - 1) / width);
        long[] outbound = new long[count];
        long[] inbound = new long[count];
        // the bucket is computed in a subquery: PostgreSQL does not see two parameterised expressions as the same
        try (PreparedStatement select = c.prepareStatement("SELECT b.bucket, b.direction, COUNT(*) FROM"
                + " (SELECT (created_at - ?) / ? AS bucket, direction FROM bank_messages"
                + " WHERE created_at >= ? AND created_at < ?) b GROUP BY b.bucket, b.direction")) {
            select.setLong(1, start);
            select.setLong(2, width);
            select.setLong(3, since.toEpochMilli());
            select.setLong(4, until.toEpochMilli());
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    int index = (int) r.getLong(1);
                    if (index >= 0 && index < count) {
                        ("OUTBOUND".equals(r.getString(2)) ? outbound : inbound)[index] += r.getLong(3);
                    }
                }
            }
        }
        List<Bucket> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new Bucket(Instant.ofEpochMilli(start + i * width), outbound[i], inbound[i]));
        }
        return buckets;
    }

    private static NodeCounts nodeCounts(Connection c, Instant staleBefore) throws SQLException {
        List<Node> nodes = nodes(c, staleBefore);
        return new NodeCounts(nodes.size(), (int) nodes.stream().filter(Node::stale).count());
    }

    static List<Node> nodes(Connection c, Instant staleBefore) throws SQLException {
        Map<String, Long> messages = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT node_id, COUNT(*) FROM bank_messages GROUP BY node_id")) {
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    messages.put(r.getString(1), r.getLong(2));
                }
            }
        }
        List<Node> nodes = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT node_id, address, version, cpas, first_seen,"
                + " last_contact, last_sequence FROM bank_nodes ORDER BY node_id")) {
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    String cpas = r.getString(4);
                    Instant lastContact = BankRows.instant(r, "last_contact");
                    nodes.add(new Node(r.getString(1), r.getString(2), r.getString(3),
                            cpas == null || cpas.isEmpty() ? List.of() : Arrays.asList(cpas.split(",")),
                            BankRows.instant(r, "first_seen"), lastContact, r.getLong(7),
                            messages.getOrDefault(r.getString(1), 0L), lastContact.isBefore(staleBefore)));
                }
            }
        }
        return nodes;
    }
}
