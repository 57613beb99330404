package org.ebrelay.app.delivery;

import org.ebrelay.app.port.out.MllpOrigins;
import org.ebrelay.app.port.out.MllpOrigins.Origin;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the local system an HL7 answer from a partner goes back to: the return destination of the route that took
 * the original over MLLP. The original is found by the answer's MSA-2 (the original's MSH-10), else its
 * RefToMessageId (any MessageId the original has had), else its ConversationId, in that order.
 */
public final class AnswerRouting {
    private final MllpOrigins origins;
    private final Map<String, MllpDestination> destinations;
    private final Set<String> cpaIds;

    /**
     * @param destinations the return destinations by name
     * @param cpaIds       the CPAs of the routes with a return destination: answers come back under them
     */
    public AnswerRouting(MllpOrigins origins, Map<String, MllpDestination> destinations, Set<String> cpaIds) {
        this.origins = Objects.requireNonNull(origins, "origins");
        this.destinations = Map.copyOf(destinations);
        this.cpaIds = Set.copyOf(cpaIds);
    }

    /** Whether a message under this CPA may be an answer to route back (its push is due at once). */
    boolean mayTake(CpaId cpaId) {
        return cpaIds.contains(cpaId.value());
    }

    /** Where an answer goes, or why nowhere. */
    sealed interface Result {
    }

    /** @param by how the original was found */
    record Matched(MllpDestination destination, Origin origin, String by) implements Result {
    }

    record Unmatched(String why) implements Result {
    }

    /**
     * @param acknowledgedId the answer's MSA-2, or empty text when it has none
     * @param refToMessageId the answer's RefToMessageId, or null
     */
    Result find(String acknowledgedId, MessageId refToMessageId, ConversationId conversationId) {
        Optional<Origin> origin = Optional.empty();
        String by = null;
        if (!acknowledgedId.isBlank()) {
            origin = origins.byHl7Id(acknowledgedId);
            by = "MSA-2 " + acknowledgedId;
        }
        if (origin.isEmpty() && refToMessageId != null) {
            origin = origins.byMessageId(refToMessageId);
            by = "RefToMessageId " + refToMessageId;
        }
        if (origin.isEmpty()) {
            origin = origins.byConversation(conversationId);
            by = "ConversationId " + conversationId;
        }
        if (origin.isEmpty()) {
            return new Unmatched("an HL7 answer (MSA-2 " + (acknowledgedId.isBlank() ? "empty" : acknowledgedId)
                    + ") matches no message sent over MLLP by MSA-2, RefToMessageId or ConversationId");
        }
        MllpDestination destination = destinations.get(origin.get().returnTo());
        if (destination == null) {
            return new Unmatched("an HL7 answer to " + origin.get().message() + " (found by " + by
                    + ") has no return destination: mllp.destinations has no entry " + origin.get().returnTo());
        }
        return new Matched(destination, origin.get(), by);
    }
}
