package org.ebrelay.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ebrelay.app.outbound.OutboundListener;
import org.ebrelay.app.outbound.pacing.PartnerGate;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.MessageHistory;
import org.ebrelay.domain.reliability.InboundState;
import org.ebrelay.domain.reliability.MessageState;
import org.ebrelay.domain.reliability.OutboundState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The node's Prometheus metrics: messages by state (counted in the store, cached for a few seconds so a scrape
 * storm cannot load the database), attempt round trips, submit-to-complete latency, retries, acknowledgments,
 * exhausted and failed messages.
 */
public final class GatewayMetrics implements OutboundListener {
    private static final Duration COUNT_CACHE = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MessageHistory history;
    private final Clock clock;
    private final Timer attempts;
    private final Timer completion;
    private final Counter retries;
    private final Counter acknowledged;
    private final Counter exhausted;
    private final Counter failed;
    private volatile Map<MessageState, Long> counts = Map.of();
    private volatile Instant countedAt = Instant.MIN;

    public GatewayMetrics(MessageHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
        for (OutboundState state : OutboundState.values()) {
            stateGauge("outbound", state);
        }
        for (InboundState state : InboundState.values()) {
            stateGauge("inbound", state);
        }
        attempts = Timer.builder("ebrelay.send.attempt").description("round trip of one send attempt")
                .publishPercentiles(0.5, 0.99).register(registry);
        completion = Timer.builder("ebrelay.send.latency").description("message Timestamp to COMPLETE")
                .publishPercentiles(0.5, 0.99).register(registry);
        retries = Counter.builder("ebrelay.send.retries").description("attempts after the first").register(registry);
        acknowledged = Counter.builder("ebrelay.send.completed").description("messages acknowledged (or accepted, best effort)")
                .register(registry);
        exhausted = Counter.builder("ebrelay.send.retries.exhausted").register(registry);
        failed = Counter.builder("ebrelay.send.failed").description("messages refused by the partner or expired")
                .register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    private void stateGauge(String direction, MessageState state) {
        Gauge.builder("ebrelay.messages", () -> count(state)).tag("direction", direction).tag("state", state.code())
                .description("messages by state").register(registry);
    }

    private double count(MessageState state) {
        Instant now = clock.instant();
        if (Duration.between(countedAt, now).compareTo(COUNT_CACHE) > 0) {
            counts = history.countByState();
            countedAt = now;
        }
        return counts.getOrDefault(state, 0L);
    }

    /** Per-partner pacing: breakers open (or half-open, probing) now, and how often the gate held a partner back. */
    public void watch(PartnerGate gate) {
        Gauge.builder("ebrelay.pacing.breakers.open", gate::openBreakers)
                .description("partners whose circuit breaker is open or half-open").register(registry);
        FunctionCounter.builder("ebrelay.pacing.throttled", gate, PartnerGate::throttled)
                .description("claim rounds that left a paced partner out, plus claimed messages handed back")
                .register(registry);
    }

    @Override
    public void attempted(MessageHeading heading, Duration duration, boolean retry) {
        attempts.record(duration);
        if (retry) {
            retries.increment();
        }
    }

    @Override
    public void completed(MessageHeading heading, Duration sinceCreated) {
        acknowledged.increment();
        completion.record(sinceCreated.isNegative() ? Duration.ZERO : sinceCreated);
    }

    @Override
    public void retriesExhausted(MessageHeading heading, int attempts, String lastFailure, java.time.Instant nextAttemptAt) {
        exhausted.increment();
    }

    @Override
    public void failed(MessageHeading heading, String reason) {
        failed.increment();
    }
}
