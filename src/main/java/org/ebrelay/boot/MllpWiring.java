package org.ebrelay.boot;

import org.ebrelay.adapter.jdbc.JdbcMllpAnswers;
import org.ebrelay.adapter.mllp.MllpListener;
import org.ebrelay.adapter.mllp.MllpLocalSystems;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.delivery.AnswerReturn;
import org.ebrelay.app.delivery.AnswerRouting;
import org.ebrelay.app.delivery.MllpDestination;
import org.ebrelay.app.delivery.MllpPushes;
import org.ebrelay.app.hl7.Hl7Intake;
import org.ebrelay.app.hl7.Hl7Route;
import org.ebrelay.app.hl7.Hl7Routing;
import org.ebrelay.app.outbound.Outbox;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.boot.config.GatewayConfig;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The MLLP bridge's parts, from a configuration {@link MllpSetup#check} accepted. */
final class MllpWiring {
    private MllpWiring() {
    }

    /**
     * MLLP out, with HL7 answers both ways where the configuration asks for them.
     *
     * @param submissions the submission use case storing into a given outbox (for answers sent back)
     * @param wake        tells the dispatcher an answer was stored for sending
     */
    static MllpPushes pushes(GatewayConfig config, MessageStore store, JdbcMllpAnswers answers, Clock clock,
                             Function<Outbox, SubmitMessage> submissions, Runnable wake) {
        GatewayConfig.Mllp mllp = config.mllp();
        if (mllp.destinations().isEmpty()) {
            return MllpPushes.none();
        }
        List<MllpDestination> destinations = MllpSetup.destinations(mllp, new ArrayList<>());
        Map<String, MllpDestination> byName = new HashMap<>();
        destinations.forEach(d -> byName.putIfAbsent(d.name(), d));
        Set<String> answeredCpas = new HashSet<>();
        MllpSetup.routes(mllp, null, new ArrayList<>()).stream().filter(r -> r.returnTo() != null)
                .map(Hl7Route::cpaId).forEach(id -> answeredCpas.add(id.value()));
        AnswerRouting routing = answeredCpas.isEmpty() ? null : new AnswerRouting(answers, byName, answeredCpas);
        AnswerReturn returns = destinations.stream().anyMatch(MllpDestination::returnAcks)
                ? new AnswerReturn(submissions, answers, store, store, wake) : null;
        return new MllpPushes(destinations,
                new MllpLocalSystems(Charset.forName(mllp.charset()), mllp.connectTimeout(), mllp.responseTimeout()),
                store, clock, routing, returns, store);
    }

    /** Starts a listener per configured port; the caller stops them. */
    static List<MllpListener> listeners(GatewayConfig config, AgreementRegistry agreements, SubmitMessage submit,
                                        JdbcMllpAnswers origins, Clock clock) throws InterruptedException {
        GatewayConfig.Mllp mllp = config.mllp();
        Hl7Intake intake = new Hl7Intake(new Hl7Routing(MllpSetup.routes(mllp, agreements, new ArrayList<>())),
                submit, origins, clock);
        List<MllpListener> listeners = new ArrayList<>();
        try {
            for (GatewayConfig.MllpListener l : mllp.listeners()) {
                MllpListener listener = new MllpListener(l.host() == null ? "127.0.0.1" : l.host(), l.port(), intake,
                        Charset.forName(mllp.charset()));
                listeners.add(listener);
                listener.start();
            }
        } catch (RuntimeException | InterruptedException e) {
            listeners.forEach(MllpListener::close);
            throw e;
        }
        return List.copyOf(listeners);
    }
}
