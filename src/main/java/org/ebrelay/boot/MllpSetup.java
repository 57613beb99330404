package org.ebrelay.boot;

import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.delivery.MllpDestination;
import org.ebrelay.app.hl7.Hl7Route;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.Service;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The MLLP section of the configuration, checked at start-up and turned into routes and destinations. */
final class MllpSetup {
    static final int DEFAULT_RETRIES = 10;
    static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(30);

    private MllpSetup() {
    }

    /** Adds every problem of the section to {@code problems}. */
    static void check(GatewayConfig.Mllp mllp, AgreementRegistry agreements, List<String> problems) {
        charset(mllp, problems);
        routes(mllp, agreements, problems);
        destinations(mllp, problems);
        Set<Integer> ports = new HashSet<>();
        for (GatewayConfig.MllpListener l : mllp.listeners()) {
            if (l.port() < 0 || l.port() > 65535 || (l.port() != 0 && !ports.add(l.port()))) {
                problems.add("mllp.listeners: port " + l.port() + " is not a port number or is listed twice");
            }
        }
        if (!mllp.listeners().isEmpty() && mllp.routes().isEmpty()) {
            problems.add("mllp.listeners are configured but mllp.routes is empty: every message would be refused");
        }
    }

    static Charset charset(GatewayConfig.Mllp mllp, List<String> problems) {
        try {
            return Charset.forName(mllp.charset());
        } catch (RuntimeException e) {
            problems.add("mllp.charset: '" + mllp.charset() + "' is not a charset this JVM knows");
            return null;
        }
    }

    /** The one ConversationId of an ordered route; null for an unordered one. */
    private static ConversationId feed(GatewayConfig.MllpRoute route, String name) {
        if (!Boolean.TRUE.equals(route.ordered())) {
            if (route.conversationId() != null) {
                throw new IllegalArgumentException("conversationId is for ordered routes: add ordered: true");
            }
            return null;
        }
        return ConversationId.of(route.conversationId() != null ? route.conversationId() : "mllp-feed:" + name);
    }

    static List<Hl7Route> routes(GatewayConfig.Mllp mllp, AgreementRegistry agreements, List<String> problems) {
        List<Hl7Route> routes = new ArrayList<>();
        int index = 0;
        for (GatewayConfig.MllpRoute r : mllp.routes()) {
            String name = r.name() != null ? r.name() : "route-" + (index + 1);
            index++;
            try {
                if (agreements != null && agreements.find(CpaId.of(r.cpaId())).isEmpty()) {
                    throw new IllegalArgumentException("no loaded CPA has the id " + r.cpaId());
                }
                routes.add(new Hl7Route(name, new Hl7Route.Matcher(r.sendingApplication(), r.sendingFacility(),
                        r.receivingApplication(), r.receivingFacility(), r.messageType(), r.triggerEvent()),
                        CpaId.of(r.cpaId()), PartyIds.parseOptional(r.from()), PartyIds.parse(r.to()),
                        r.service() == null ? null : Service.of(r.serviceType(), r.service()), r.action(),
                        feed(r, name), returnTo(mllp, r)));
            } catch (RuntimeException e) {
                problems.add("mllp.routes: " + name + ": " + e.getMessage());
            }
        }
        return routes;
    }

    /** The route's return destination, which must name an entry of mllp.destinations. */
    private static String returnTo(GatewayConfig.Mllp mllp, GatewayConfig.MllpRoute route) {
        if (route.returnTo() == null) {
            return null;
        }
        boolean known = false;
        int index = 0;
        for (GatewayConfig.MllpDestination d : mllp.destinations()) {
            index++;
            String name = d.name() != null ? d.name() : "destination-" + index;
            known |= name.equals(route.returnTo());
        }
        if (!known) {
            throw new IllegalArgumentException("returnTo: mllp.destinations has no entry named " + route.returnTo());
        }
        return route.returnTo();
    }

    static List<MllpDestination> destinations(GatewayConfig.Mllp mllp, List<String> problems) {
        List<MllpDestination> destinations = new ArrayList<>();
        int index = 0;
        for (GatewayConfig.MllpDestination d : mllp.destinations()) {
            String name = d.name() != null ? d.name() : "destination-" + (index + 1);
            index++;
            try {
                destinations.add(new MllpDestination(name, d.cpaId(), d.service(), d.action(),
                        new Hl7Route.Matcher(d.sendingApplication(), d.sendingFacility(), d.receivingApplication(),
                                d.receivingFacility(), d.messageType(), d.triggerEvent()),
                        d.host() == null ? "127.0.0.1" : d.host(), d.port(),
                        d.retries() == null ? DEFAULT_RETRIES : d.retries(),
                        d.retryInterval() == null ? DEFAULT_RETRY_INTERVAL : d.retryInterval(),
                        Boolean.TRUE.equals(d.returnAcks()), d.ackAction()));
            } catch (RuntimeException e) {
                problems.add("mllp.destinations: " + name + ": " + e.getMessage());
            }
        }
        return destinations;
    }
}
