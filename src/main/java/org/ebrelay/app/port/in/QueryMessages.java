package org.ebrelay.app.port.in;

import java.util.List;
import org.ebrelay.app.PartyIds;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;

/** Finds messages for status queries. */
public interface QueryMessages {
    /** The messages known by this ebXML MessageId (any id of a chain) or, failing that, by this HL7 id. */
    List<MessageView> find(String messageIdOrHl7Id);

    /** Messages in this state (QUEUED, MANUAL, ...), newest first, at most {@code limit}. */
    List<MessageView> byState(String state, int limit);

    /**
     * Messages in this state under {@code cpaId} (null: any) sent from or to {@code party} (null: any). This default
     * filters {@link #byState(String, int)}'s answer; the store-backed implementation filters in the query.
     */
    default List<MessageView> byState(String state, CpaId cpaId, PartyId party, int limit) {
        String partyText = party == null ? null : PartyIds.format(party);
        return byState(state, limit).stream()
                .filter(m -> cpaId == null || cpaId.value().equals(m.cpaId()))
                .filter(m -> partyText == null || partyText.equals(m.from()) || partyText.equals(m.to()))
                .toList();
    }
}
