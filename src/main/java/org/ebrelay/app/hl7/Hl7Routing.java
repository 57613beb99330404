package org.ebrelay.app.hl7;

import java.util.List;
import java.util.Optional;

/** The MLLP routing table: the first route, in configured order, whose matcher takes the message. */
public final class Hl7Routing {
    private final List<Hl7Route> routes;

    public Hl7Routing(List<Hl7Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public Optional<Hl7Route> find(Hl7Fields fields) {
        return routes.stream().filter(r -> r.match().matches(fields)).findFirst();
    }

    public List<Hl7Route> routes() {
        return routes;
    }
}
