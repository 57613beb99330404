package org.ebrelay.boot;

import org.ebrelay.adapter.mllp.MllpListener;
import org.ebrelay.adapter.mllp.MllpLocalSystems;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.delivery.MllpPushes;
import org.ebrelay.app.hl7.Hl7Intake;
import org.ebrelay.app.hl7.Hl7Routing;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.app.port.out.DeliveryInbox;
import org.ebrelay.boot.config.GatewayConfig;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The MLLP bridge's parts, from a configuration {@link MllpSetup#check} accepted. */
final class MllpWiring {
    private MllpWiring() {
    }

    static MllpPushes pushes(GatewayConfig config, DeliveryInbox inbox, Clock clock) {
        GatewayConfig.Mllp mllp = config.mllp();
        if (mllp.destinations().isEmpty()) {
            return MllpPushes.none();
        }
        return new MllpPushes(MllpSetup.destinations(mllp, new ArrayList<>()),
                new MllpLocalSystems(Charset.forName(mllp.charset()), mllp.connectTimeout(), mllp.responseTimeout()),
                inbox, clock);
    }

    /** Starts a listener per configured port; the caller stops them. */
    static List<MllpListener> listeners(GatewayConfig config, AgreementRegistry agreements, SubmitMessage submit)
            throws InterruptedException {
        GatewayConfig.Mllp mllp = config.mllp();
        Hl7Intake intake = new Hl7Intake(new Hl7Routing(MllpSetup.routes(mllp, agreements, new ArrayList<>())),
                submit);
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
