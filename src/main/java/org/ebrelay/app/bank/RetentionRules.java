package org.ebrelay.app.bank;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The retention rules in force. A matching rule that keeps (the law requires it) always wins; otherwise the most
 * specific matching rule decides (a partner selector beats a CPA selector, both beat either).
 */
public final class RetentionRules {
    private final List<RetentionRule> rules;

    public RetentionRules(List<RetentionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<RetentionRule> all() {
        return rules;
    }

    /**
     * What happens to a message created at {@code createdAt}: purged after the returned instant, or kept (an
     * empty instant) when a rule says keep or no rule matches.
     */
    public Decision decide(String cpaId, String partner, Instant createdAt) {
        Optional<RetentionRule> rule = rules.stream().filter(r -> r.matches(cpaId, partner))
                .max(Comparator.comparing(RetentionRule::keepForever)
                        .thenComparingInt(RetentionRule::specificity));
        if (rule.isEmpty()) {
            return new Decision(null, null);
        }
        RetentionRule r = rule.get();
        return new Decision(r.name(), r.keepForever() ? null : createdAt.plus(r.keepFor()));
    }

    /** @param rule the deciding rule's name, or null; @param retainUntil null: kept */
    public record Decision(String rule, Instant retainUntil) {
    }
}
