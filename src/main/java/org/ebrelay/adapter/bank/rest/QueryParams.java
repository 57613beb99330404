package org.ebrelay.adapter.bank.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ebrelay.adapter.bank.BankQuery;

/** Reads and checks the bank API's query parameters; a bad one is a 400 that says which. */
final class QueryParams {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Set<String> DIRECTIONS = Set.of("OUTBOUND", "INBOUND");

    private QueryParams() {
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw BankErrors.malformed("limit must be 1-" + MAX_LIMIT + ": " + limit);
        }
        return limit;
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BankErrors.malformed(name + " must be an ISO-8601 instant such as 2026-11-22T06:00:00Z: " + value);
        }
    }

    static Duration duration(String name, String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BankErrors.malformed(name + " must be an ISO-8601 duration such as PT1H: " + value);
        }
    }

    static String direction(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!DIRECTIONS.contains(upper)) {
            throw BankErrors.malformed("direction must be OUTBOUND or INBOUND: " + value);
        }
        return upper;
    }

    static List<String> states(List<String> values) {
        return values == null ? List.of() : values.stream().filter(s -> s != null && !s.isBlank())
                .map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
    }

    /** The search body of a bulk resend, checked like the query parameters. */
    static BankQuery query(SearchBody b) {
        if (b == null) {
            throw BankErrors.malformed("a query is required (an empty one {} matches every message)");
        }
        return new BankQuery(b.hl7Id(), b.messageId(), b.conversationId(), b.partner(), b.cpaId(), b.service(),
                b.action(), states(b.state()), b.node(), direction(b.direction()), instant("since", b.since()),
                instant("until", b.until()), false);
    }

    /** The search criteria as JSON (a bulk resend's query). */
    record SearchBody(String hl7Id, String messageId, String conversationId, String partner, String cpaId,
                      String service, String action, List<String> state, String node, String direction,
                      String since, String until) {
    }
}
