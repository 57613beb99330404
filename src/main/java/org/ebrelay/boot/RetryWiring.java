package org.ebrelay.boot;

import java.util.List;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.outbound.CpaMultiHop;
import org.ebrelay.app.outbound.ResignHook;
import org.ebrelay.app.outbound.RetrySetup;
import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.retry.MultiHopRoute;
import org.ebrelay.domain.retry.RetryPolicy;
import org.ebrelay.domain.retry.SlowRetryOverride;
import org.ebrelay.domain.retry.SlowRetryResolver;
import org.ebrelay.domain.retry.SlowRetrySettings;
import org.ebrelay.domain.retry.TimeToLiveRule;

/** The dispatcher's resend rules from {@code reliability:} in the configuration (issue 4). */
final class RetryWiring {
    private RetryWiring() {
    }

    /** @throws IllegalArgumentException when the slow-retry keys make no valid settings (the node refuses to start) */
    static RetrySetup setup(GatewayConfig.Reliability config, AgreementRegistry agreements, IdGenerator ids) {
        GatewayConfig.SlowRetry s = config.slowRetry();
        SlowRetrySettings defaults = new SlowRetrySettings(s.enabled(), s.firstInterval(), s.multiplier(),
                s.maxInterval(), s.maxAttempts(), s.maxAge());
        List<SlowRetryOverride> overrides = config.slowRetryOverrides().stream()
                .map(o -> new SlowRetryOverride(o.cpaId(), o.service(), o.action(), o.party(), o.enabled(),
                        o.firstInterval(), o.multiplier(), o.maxInterval(), o.maxAttempts(), o.maxAge()))
                .toList();
        List<MultiHopRoute> multiHop = config.multiHop().stream()
                .map(m -> new MultiHopRoute(m.cpaId(), m.party())).toList();
        return new RetrySetup(new RetryPolicy(config.regenerationMargin()),
                new SlowRetryResolver(defaults, overrides, multiHop), new CpaMultiHop(agreements), ids,
                new TimeToLiveRule(config.ttlSafetyMargin()), ResignHook.NONE);
    }
}
