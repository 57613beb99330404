package org.ebrelay.app.inbound;

import java.util.Optional;
import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.app.port.out.MessageDetails;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.ReceivedStatus;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageStatus;
import org.ebrelay.domain.message.StatusResponse;
import org.ebrelay.domain.reliability.InboundState;

/**
 * STA-1..4: the status of a message the requesting party sent us under the same CPA. Received while the application
 * has not taken it, Processed once it confirmed it, with the time it was received (STA-2). Anything else is
 * NotRecognized without a time, so MessageIds of other partners are not revealed; so is a message we rejected, which
 * was never accepted.
 */
final class AnswerStatusRequest {
    private final MessageStore store;
    private final IdGenerator ids;

    AnswerStatusRequest(MessageStore store, IdGenerator ids) {
        this.store = store;
        this.ids = ids;
    }

    EbmsMessage statusResponse(Incoming request, Counterparts parties) {
        MessageId about = request.message().statusRequest().refToMessageId();
        return EbmsMessages.statusResponseFor(request.message().header(), ids.newMessageId(), request.receivedAt(),
                statusOf(about, parties));
    }

    private StatusResponse statusOf(MessageId about, Counterparts parties) {
        Optional<ReceivedStatus> status = store.statusOf(parties.agreement().cpaId(), about)
                .filter(s -> s.state() != InboundState.REJECTED)
                .filter(s -> sentBy(s, about, parties));
        if (status.isEmpty()) {
            return new StatusResponse(MessageStatus.NOT_RECOGNIZED, about, null);
        }
        MessageStatus reported = status.get().state() == InboundState.DELIVERED ? MessageStatus.PROCESSED
                : MessageStatus.RECEIVED;
        return new StatusResponse(reported, about, status.get().receivedAt());
    }

    /** STA-4: the stored message's From is the requesting party. */
    private boolean sentBy(ReceivedStatus status, MessageId about, Counterparts parties) {
        return store.findByMessageId(about).stream().map(MessageDetails::summary)
                .filter(summary -> summary.id().equals(status.id()))
                .anyMatch(summary -> parties.sender().isIdentifiedBy(summary.heading().from()));
    }
}
