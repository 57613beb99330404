package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.MessagingCharacteristics;
import org.ebrelay.domain.cpa.ReliabilityTerms;
import org.ebrelay.domain.cpa.Requirement;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.cpa.SecurityTerms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reliability and security terms of a route in plain words, for {@link AgreementSummary} and the CPA view. */
public final class Terms {
    private Terms() {
    }

    /** E.g. "retries 3 times every 30 s; duplicates eliminated for 1 day; acknowledgment returned synchronously, signed". */
    public static String reliability(Route route) {
        MessagingCharacteristics c = route.characteristics();
        ReliabilityTerms sender = route.senderTerms().reliability();
        List<String> parts = new ArrayList<>();
        if (c.ackRequested() == Requirement.NEVER) {
            parts.add("best effort: no acknowledgment, no retries");
        } else {
            parts.add(retries(sender));
        }
        duplicates(c.duplicateElimination(), route).ifPresent(parts::add);
        if (c.ackRequested() != Requirement.NEVER) {
            parts.add(acknowledgment(c));
        }
        if (sender.orderGuaranteed()) {
            parts.add("delivered in order");
        }
        return String.join("; ", parts);
    }

    private static String retries(ReliabilityTerms sender) {
        if (!sender.reliableMessaging() || sender.retries() == 0) {
            return "no retries";
        }
        return "retries " + sender.retries() + (sender.retries() == 1 ? " time" : " times") + " every "
                + HumanDuration.format(sender.retryInterval());
    }

    private static Optional<String> duplicates(Requirement elimination, Route route) {
        if (elimination == Requirement.NEVER) {
            return Optional.empty();
        }
        Duration persist = route.receiverTerms().reliability().persistDuration();
        if (persist == null) {
            persist = route.senderTerms().reliability().persistDuration();
        }
        String how = elimination == Requirement.ALWAYS ? "duplicates eliminated" : "duplicates eliminated if asked";
        return Optional.of(persist == null ? how : how + " for " + HumanDuration.format(persist));
    }

    private static String acknowledgment(MessagingCharacteristics c) {
        String text = (c.ackRequested() == Requirement.PER_MESSAGE ? "acknowledgment if asked, " : "acknowledgment ")
                + (c.syncReplyMode().returnsAcknowledgmentSynchronously()
                ? "returned synchronously" : "sent back asynchronously");
        return switch (c.ackSignatureRequested()) {
            case ALWAYS -> text + ", signed";
            case PER_MESSAGE -> text + ", signed if asked";
            case NEVER -> text;
        };
    }

    /** E.g. "signed with rsa-sha256/sha256" or "not signed". */
    public static String security(Route route) {
        if (!route.signed()) {
            return "not signed";
        }
        SecurityTerms security = route.senderTerms().security();
        return "signed with " + shortName(security.signatureAlgorithm()) + "/" + shortName(security.hashFunction());
    }

    /** The fragment of an algorithm URI ("rsa-sha256" from "...xmldsig-more#rsa-sha256"). */
    static String shortName(String uri) {
        int hash = uri.lastIndexOf('#');
        return hash < 0 ? uri : uri.substring(hash + 1);
    }
}
