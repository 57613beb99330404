package org.ebrelay.app.outbound;

import java.util.Objects;
import java.util.function.Predicate;
import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.retry.RetryPolicy;
import org.ebrelay.domain.retry.RetryRules;
import org.ebrelay.domain.retry.RouteKey;
import org.ebrelay.domain.retry.SlowRetryResolver;
import org.ebrelay.domain.retry.SlowRetrySettings;
import org.ebrelay.domain.retry.TimeToLiveRule;

/**
 * What the dispatcher needs to resend (issue 4): the retry policy, the slow-retry settings per route, multi-hop
 * recognition from the CPA, and for MessageId regeneration the id generator, the TimeToLive rule and the re-signing
 * hook, and the check of a (signed) Acknowledgment received on the response of a send.
 */
public record RetrySetup(RetryPolicy policy, SlowRetryResolver slowRetry, Predicate<MessageHeading> multiHopInCpa,
                         IdGenerator ids, TimeToLiveRule timeToLive, ResignHook resign, AckCheck ackCheck) {
    public RetrySetup {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(slowRetry, "slowRetry");
        Objects.requireNonNull(multiHopInCpa, "multiHopInCpa");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(timeToLive, "timeToLive");
        Objects.requireNonNull(resign, "resign");
        Objects.requireNonNull(ackCheck, "ackCheck");
    }

    /** Without a check of synchronous Acknowledgments (no signing). */
    public RetrySetup(RetryPolicy policy, SlowRetryResolver slowRetry, Predicate<MessageHeading> multiHopInCpa,
                      IdGenerator ids, TimeToLiveRule timeToLive, ResignHook resign) {
        this(policy, slowRetry, multiHopInCpa, ids, timeToLive, resign, AckCheck.NONE);
    }

    /** The same setup, re-signing regenerated messages with {@code hook} and checking acks with {@code check}. */
    public RetrySetup withSigning(ResignHook hook, AckCheck check) {
        return new RetrySetup(policy, slowRetry, multiHopInCpa, ids, timeToLive, hook, check);
    }

    /** Default policy and slow retry, single-hop routes, no signing. */
    public static RetrySetup defaults(IdGenerator ids, TimeToLiveRule timeToLive) {
        return new RetrySetup(new RetryPolicy(), SlowRetryResolver.of(SlowRetrySettings.DEFAULTS), h -> false, ids,
                timeToLive, ResignHook.NONE);
    }

    public RetrySetup withSlowRetry(SlowRetryResolver resolver) {
        return new RetrySetup(policy, resolver, multiHopInCpa, ids, timeToLive, resign, ackCheck);
    }

    /** The rules of the route {@code heading} goes by. */
    public RetryRules rulesFor(MessageHeading heading) {
        RouteKey route = new RouteKey(heading.cpaId().value(), heading.service().value(), heading.action(),
                heading.to().type(), heading.to().value());
        return slowRetry.rulesFor(route, multiHopInCpa.test(heading));
    }
}
