package org.ebrelay.e2e;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.message.CpaId;

/**
 * Two gateway nodes in this JVM talking over loopback HTTP under the demo CPA: a hospital and a laboratory, each
 * with its own H2 data directory and its own CPA directory holding the demo CPA rewritten to their ports. The
 * laboratory can be stopped and started again on the same port and data directory, as an outage would.
 */
final class TwoNodes implements AutoCloseable {
    private final Settings settings;
    private final TestNode hospitalSetup;
    private final TestNode labSetup;
    private final Gateway hospital;
    private Gateway lab;

    /** How the pair is set up; {@link #start()} starts it. */
    static final class Settings {
        private final Path root;
        private UnaryOperator<DemoCpa> cpa = UnaryOperator.identity();
        private UnaryOperator<DemoCpa> labCpa = UnaryOperator.identity();
        private UnaryOperator<GatewayConfig> hospitalConfig = UnaryOperator.identity();
        private UnaryOperator<GatewayConfig> labConfig = UnaryOperator.identity();
        private Duration hospitalResponseTimeout = Duration.ofSeconds(10);
        private Integer labEndpointPort;
        private Integer hospitalEndpointPort;
        private int labPort;
        private int hospitalPort;
        private boolean labRunning = true;
        private UnaryOperator<GatewayConfig.Reliability> hospitalReliability = UnaryOperator.identity();

        private Settings(Path root) {
            this.root = root;
        }

        /** Changes the demo CPA both nodes load (after its endpoints are set to the nodes' ports). */
        Settings cpa(UnaryOperator<DemoCpa> change) {
            this.cpa = change;
            return this;
        }

        /** The change {@link #cpa} set so far (to build on it). */
        UnaryOperator<DemoCpa> cpaChange() {
            return cpa;
        }

        /** Changes the laboratory's copy of the CPA only (after {@link #cpa}): the two nodes disagree. */
        Settings labCpa(UnaryOperator<DemoCpa> change) {
            this.labCpa = change;
            return this;
        }

        /** Changes the hospital's configuration (after the test defaults are set). */
        Settings hospitalConfig(UnaryOperator<GatewayConfig> change) {
            this.hospitalConfig = change;
            return this;
        }

        /** Changes the laboratory's configuration (after the test defaults are set). */
        Settings labConfig(UnaryOperator<GatewayConfig> change) {
            this.labConfig = change;
            return this;
        }

        /** How long the hospital waits for the laboratory's HTTP response to an attempt. */
        Settings hospitalResponseTimeout(Duration timeout) {
            this.hospitalResponseTimeout = timeout;
            return this;
        }

        /** The laboratory's port (0: a free one). */
        Settings labPort(int port) {
            this.labPort = port;
            return this;
        }

        /** The hospital's port (0: a free one). */
        Settings hospitalPort(int port) {
            this.hospitalPort = port;
            return this;
        }

        /** The laboratory reaches the hospital through this port (a proxy in front of it) instead. */
        Settings labReachesHospitalAt(int port) {
            this.hospitalEndpointPort = port;
            return this;
        }

        /** The hospital reaches the laboratory through this port (a proxy in front of it) instead. */
        Settings hospitalReachesLabAt(int port) {
            this.labEndpointPort = port;
            return this;
        }

        /** Changes the hospital's reliability settings (slow retry, MessageId regeneration). */
        Settings hospitalReliability(UnaryOperator<GatewayConfig.Reliability> change) {
            this.hospitalReliability = change;
            return this;
        }

        /** The hospital gives a message up to manual handling when the CPA's retries are used up. */
        Settings withoutSlowRetry() {
            return hospitalReliability(r -> r.withSlowRetry(new GatewayConfig.SlowRetry(false,
                    r.slowRetry().firstInterval(), 2.0, r.slowRetry().maxInterval(), null, null),
                    r.regenerationMargin()));
        }

        /** Whether the laboratory starts with the hospital (else: call {@link TwoNodes#startLab()}). */
        Settings labRunning(boolean running) {
            this.labRunning = running;
            return this;
        }

        TwoNodes start() {
            return new TwoNodes(this);
        }
    }

    /** @param root a temporary directory holding both nodes' data and CPA directories */
    static Settings in(Path root) {
        return new Settings(root);
    }

    private TwoNodes(Settings settings) {
        this.settings = settings;
        int hospitalPort = settings.hospitalPort != 0 ? settings.hospitalPort : TestNode.freePort();
        int labPort = settings.labPort != 0 ? settings.labPort : TestNode.freePort();
        int labAsSeenByHospital = settings.labEndpointPort != null ? settings.labEndpointPort : labPort;
        int hospitalAsSeenByLab = settings.hospitalEndpointPort != null ? settings.hospitalEndpointPort : hospitalPort;
        this.hospitalSetup = TestNode.hospital(settings.root, hospitalPort)
                .withResponseTimeout(settings.hospitalResponseTimeout)
                .withReliability(settings.hospitalReliability.apply(GatewayConfig.Reliability.defaults()))
                .withCpa(settings.cpa.apply(DemoCpa.shipped().endpoints(hospitalPort, labAsSeenByHospital)));
        this.labSetup = TestNode.lab(settings.root, labPort)
                .withCpa(settings.labCpa.apply(settings.cpa.apply(DemoCpa.shipped().endpoints(hospitalAsSeenByLab, labPort))));
        this.hospital = Gateway.start(settings.hospitalConfig.apply(hospitalSetup.config()), Clock.systemUTC());
        if (settings.labRunning) {
            startLab();
        }
    }

    Gateway hospital() {
        return hospital;
    }

    /** The running laboratory. */
    Gateway lab() {
        if (lab == null) {
            throw new IllegalStateException("the laboratory is stopped");
        }
        return lab;
    }

    int hospitalPort() {
        return hospitalSetup.port();
    }

    int labPort() {
        return labSetup.port();
    }

    /** Stops the laboratory (its port refuses connections until {@link #startLab()}). */
    void stopLab() {
        if (lab != null) {
            lab.close();
            lab = null;
        }
    }

    /** Starts the laboratory on its port with its data directory (again, after {@link #stopLab()}). */
    void startLab() {
        if (lab == null) {
            lab = labSetup.start(settings.labConfig);
        }
    }

    /** The hospital submits an order for the laboratory. */
    SubmissionResult.Accepted order(Hl7Messages.Er7 message) {
        return accepted(hospital.submit().submit(submission(DemoCpa.ORDER, DemoCpa.LAB, message)));
    }

    /** The laboratory submits a result for the hospital. */
    SubmissionResult.Accepted result(Hl7Messages.Er7 message) {
        return accepted(lab().submit().submit(submission(DemoCpa.RESULT, DemoCpa.HOSPITAL, message)));
    }

    static Submission submission(String action, String to, Hl7Messages.Er7 message) {
        return new Submission(CpaId.of(DemoCpa.CPA_ID), null, action, null, PartyIds.parse(to),
                List.of(new Submission.Payload("application/hl7-v2", message.bytes())), null, null);
    }

    static SubmissionResult.Accepted accepted(SubmissionResult result) {
        if (result instanceof SubmissionResult.Accepted accepted) {
            return accepted;
        }
        throw new AssertionError("the submission was refused: " + result);
    }

    @Override
    public void close() {
        stopLab();
        hospital.close();
    }
}
