package org.ebrelay.app.inbound;

import java.time.Instant;
import java.util.Optional;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;

/** Step 5 (HDR-7): a message whose TimeToLive passed before it arrived is not delivered. */
final class CheckTimeToLive {

    Optional<EbmsError> check(EbmsMessage message, Instant receivedAt) {
        Instant timeToLive = message.header().messageData().timeToLive();
        if (timeToLive == null || !timeToLive.isBefore(receivedAt)) {
            return Optional.empty();
        }
        return Optional.of(EbmsError.error(ErrorCode.TIME_TO_LIVE_EXPIRED,
                "//Header/MessageHeader/MessageData/TimeToLive",
                "TimeToLive " + timeToLive + " had passed when the message arrived at " + receivedAt));
    }
}
