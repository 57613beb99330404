package org.ebrelay.app.port.out;

import java.util.List;
import java.util.Map;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.InboundState;
import org.ebrelay.domain.reliability.MessageState;
import org.ebrelay.domain.reliability.OutboundState;

/** Reading stored messages for status, lists and metrics. */
public interface MessageHistory {

    /** Messages (either direction) that have or had this ebXML MessageId: usually one. */
    List<MessageDetails> findByMessageId(MessageId messageId);

    /** Messages (either direction) carrying this HL7 message id, oldest first. */
    List<MessageDetails> findByHl7Id(String hl7Id);

    /** Outbound messages in {@code state}, oldest first. */
    List<MessageSummary> listOutbound(OutboundState state, int limit);

    /** Inbound messages in {@code state}, oldest first. */
    List<MessageSummary> listInbound(InboundState state, int limit);

    /** Outbound messages in {@code state}, under {@code cpaId} and from or to {@code party} (null: any), oldest first. */
    List<MessageSummary> listOutbound(OutboundState state, CpaId cpaId, PartyId party, int limit);

    /** Inbound messages in {@code state}, under {@code cpaId} and from or to {@code party} (null: any), oldest first. */
    List<MessageSummary> listInbound(InboundState state, CpaId cpaId, PartyId party, int limit);

    /** How many messages are in each state (states without messages are absent). */
    Map<MessageState, Long> countByState();
}
