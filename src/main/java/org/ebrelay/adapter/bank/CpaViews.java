package org.ebrelay.adapter.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ebrelay.adapter.rest.ApiJson;

/**
 * The CPA view of the bank API (docs/bank-api.md): per CPA, which node runs which version in which state, and the
 * node's own view of it (the plain words come from the node, one source for the node API and the portal).
 */
public final class CpaViews {
    private static final ObjectMapper JSON = ApiJson.mapper();
    /** From the most pressing state down: the one a CPA shows when its nodes differ. */
    private static final List<String> PRESSING = List.of("REJECTED_EDIT", "EXPIRED", "EXPIRING", "ACTIVE",
            BankCpaRows.WITHDRAWN);

    private CpaViews() {
    }

    /** One node's state of the CPA. */
    public record OnNode(String node, String state, int version, String checksum, Instant reportedAt) {
    }

    /**
     * @param state          the most pressing state among the nodes that serve it (WITHDRAWN when none does)
     * @param version        the newest version a node serves
     * @param versionsDiffer whether the nodes that serve it run different versions (one has not taken an edit)
     * @param summary        the node view's summary (status, validity, state, rejected edit, warnings)
     */
    public record Entry(String cpaId, String state, int version, boolean versionsDiffer, JsonNode summary,
                        List<OnNode> nodes) {
    }

    /** @param view the whole view of the node that serves the newest version */
    public record Detail(String cpaId, String state, int version, boolean versionsDiffer, List<OnNode> nodes,
                         JsonNode view) {
    }

    static List<Entry> entries(List<BankCpaRows.Row> rows) {
        Map<String, List<BankCpaRows.Row>> byCpa = new LinkedHashMap<>();
        rows.forEach(r -> byCpa.computeIfAbsent(r.cpaId(), k -> new ArrayList<>()).add(r));
        List<Entry> entries = new ArrayList<>();
        byCpa.forEach((cpaId, of) -> {
            Detail d = detail(of).orElseThrow();
            entries.add(new Entry(cpaId, d.state(), d.version(), d.versionsDiffer(), d.view().path("summary"),
                    d.nodes()));
        });
        return entries;
    }

    static Optional<Detail> detail(List<BankCpaRows.Row> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<BankCpaRows.Row> serving = rows.stream().filter(r -> !BankCpaRows.WITHDRAWN.equals(r.state())).toList();
        List<BankCpaRows.Row> shown = serving.isEmpty() ? rows : serving;
        BankCpaRows.Row newest = shown.stream().max(Comparator.comparingInt(BankCpaRows.Row::version)
                .thenComparing(BankCpaRows.Row::reportedAt)).orElseThrow();
        String state = shown.stream().map(BankCpaRows.Row::state)
                .min(Comparator.comparingInt(CpaViews::pressing)).orElseThrow();
        boolean differ = serving.stream().map(BankCpaRows.Row::version).distinct().count() > 1;
        List<OnNode> nodes = rows.stream().map(r -> new OnNode(r.node(), r.state(), r.version(), r.checksum(),
                r.reportedAt())).toList();
        return Optional.of(new Detail(newest.cpaId(), state, newest.version(), differ, nodes, parse(newest.view())));
    }

    private static int pressing(String state) {
        int index = PRESSING.indexOf(state);
        return index < 0 ? PRESSING.size() : index;
    }

    private static JsonNode parse(String view) {
        try {
            return JSON.readTree(view);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("unreadable", e.getOriginalMessage());
        }
    }
}
