package org.ebrelay.app.query;

import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.QueryMessages;
import org.ebrelay.app.port.out.MessageDetails;
import org.ebrelay.app.port.out.MessageEvent;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.MessageHistory;
import org.ebrelay.app.port.out.MessageSummary;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.InboundState;
import org.ebrelay.domain.reliability.OutboundState;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Status queries over the store's history: by any ebXML MessageId of a message's chain, by HL7 id, by state. */
public final class QueryService implements QueryMessages {
    private final MessageHistory history;

    public QueryService(MessageHistory history) {
        this.history = history;
    }

    /**
     * The messages that have or had this ebXML MessageId (usually one); when none, those carrying it as their HL7 id
     * (oldest first, possibly several). Blank text finds nothing.
     */
    @Override
    public List<MessageView> find(String messageIdOrHl7Id) {
        if (messageIdOrHl7Id == null || messageIdOrHl7Id.isBlank()) {
            return List.of();
        }
        String id = messageIdOrHl7Id.strip();
        List<MessageDetails> found = history.findByMessageId(MessageId.of(id));
        if (found.isEmpty()) {
            found = history.findByHl7Id(id);
        }
        return found.stream().map(QueryService::view).toList();
    }

    /**
     * Messages in an outbound or inbound state, each with its id chain and events, in the store's order (oldest
     * first: the store lists no other way yet).
     *
     * @throws IllegalArgumentException when {@code state} names no state (the message lists the valid names)
     */
    @Override
    public List<MessageView> byState(String state, int limit) {
        return byState(state, null, null, limit);
    }

    /** As {@link #byState(String, int)}, under {@code cpaId} and from or to {@code party} when given. */
    @Override
    public List<MessageView> byState(String state, CpaId cpaId, PartyId party, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        String code = state == null ? "" : state.strip();
        Optional<OutboundState> outbound = OutboundState.fromCode(code);
        if (outbound.isPresent()) {
            return history.listOutbound(outbound.get(), cpaId, party, limit).stream().map(this::withHistory).toList();
        }
        Optional<InboundState> inbound = InboundState.fromCode(code);
        if (inbound.isPresent()) {
            return history.listInbound(inbound.get(), cpaId, party, limit).stream().map(this::withHistory).toList();
        }
        throw new IllegalArgumentException("unknown state '" + state + "': outbound states are "
                + names(OutboundState.values()) + "; inbound states are " + names(InboundState.values()));
    }

    /** The summary's message with its chain and events (read again by id; the summary alone lacks them). */
    private MessageView withHistory(MessageSummary summary) {
        return history.findByMessageId(summary.heading().messageId()).stream()
                .filter(d -> d.summary().id().equals(summary.id()))
                .findFirst()
                .map(QueryService::view)
                // gone between the two reads (purged): what the list saw
                .orElseGet(() -> view(new MessageDetails(summary, List.of(summary.heading().messageId()), List.of())));
    }

    static MessageView view(MessageDetails details) {
        MessageSummary summary = details.summary();
        MessageHeading heading = summary.heading();
        return new MessageView(heading.messageId().value(),
                details.messageIds().stream().map(MessageId::value).toList(),
                heading.hl7Id(), summary.direction().name(), summary.state().code(), summary.attempts(),
                heading.cpaId().value(), heading.conversationId().value(), PartyIds.format(heading.from()),
                PartyIds.format(heading.to()), heading.service().value(), heading.action(), summary.createdAt(),
                details.events().stream().map(QueryService::event).toList(), summary.cpaVersion());
    }

    private static MessageView.Event event(MessageEvent event) {
        return new MessageView.Event(event.time(), event.type().name(), event.detail());
    }

    private static String names(Enum<?>[] states) {
        return Arrays.stream(states).map(Enum::name).collect(Collectors.joining(", "));
    }
}
