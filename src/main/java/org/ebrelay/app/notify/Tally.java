package org.ebrelay.app.notify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ebrelay.app.port.out.NoticeKind;

/** Events counted by kind, keeping only the first few of each kind as examples: its size does not grow with load. */
final class Tally {
    private final int examplesPerKind;
    private final Map<NoticeKind, Integer> counts = new EnumMap<>(NoticeKind.class);
    private final List<AdminNotice.Example> examples = new ArrayList<>();

    Tally(int examplesPerKind) {
        this.examplesPerKind = examplesPerKind;
    }

    void add(AdminNotice.Example event) {
        int before = counts.getOrDefault(event.kind(), 0);
        counts.put(event.kind(), before + 1);
        if (before < examplesPerKind) {
            examples.add(event);
        }
    }

    void addAll(Tally other) {
        for (AdminNotice.Example e : other.examples) {
            if (examples.stream().filter(x -> x.kind() == e.kind()).count() < examplesPerKind) {
                examples.add(e);
            }
        }
        other.counts.forEach((kind, n) -> counts.merge(kind, n, Integer::sum));
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    Map<NoticeKind, Integer> counts() {
        return Map.copyOf(counts);
    }

    List<AdminNotice.Example> examples() {
        return List.copyOf(examples);
    }

    void clear() {
        counts.clear();
        examples.clear();
    }
}
