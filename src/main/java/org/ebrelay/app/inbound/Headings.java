package org.ebrelay.app.inbound;

import java.util.Optional;
import org.ebrelay.app.port.out.Hl7Ids;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.PartyId;

/** The stored heading of a received message, with the HL7 id of its first payload that carries one. */
final class Headings {
    private final Hl7Ids hl7Ids;

    Headings(Hl7Ids hl7Ids) {
        this.hl7Ids = hl7Ids;
    }

    /**
     * @param from the From PartyId the agreement knows (or the first one when the message was not matched)
     * @param to   the To PartyId likewise
     */
    MessageHeading of(EbmsMessage message, PartyId from, PartyId to) {
        MessageHeader header = message.header();
        String hl7Id = message.payloads().stream()
                .map(p -> hl7Ids.of(p.contentType(), p.content()))
                .flatMap(Optional::stream).findFirst().orElse(null);
        return new MessageHeading(header.cpaId(), header.conversationId(), header.messageId(), hl7Id, from, to,
                header.service(), header.action(), header.messageData().timestamp());
    }
}
