package org.ebrelay.app.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;

/**
 * [ours] A user message under duplicate elimination whose Timestamp is older than PersistDuration is refused: its
 * MessageId may already be forgotten (RM-R7 remembers it for PersistDuration after the later of Timestamp and
 * receipt), so a replay of an old message could not be told from a new one and would be delivered twice. A sender
 * never resends after PersistDuration (it regenerates the MessageId), so only a replay arrives this late.
 */
final class CheckReplayWindow {
    private final Duration defaultPersistDuration;

    CheckReplayWindow(Duration defaultPersistDuration) {
        this.defaultPersistDuration = defaultPersistDuration;
    }

    Optional<EbmsError> check(EbmsMessage message, Route route, Instant receivedAt) {
        if (route == null || !message.header().duplicateElimination()) {
            return Optional.empty();
        }
        Instant timestamp = message.header().messageData().timestamp();
        Instant forgetAfter = timestamp.plus(EliminateDuplicateAndStore.persistDuration(route, defaultPersistDuration));
        if (receivedAt.isBefore(forgetAfter)) {
            return Optional.empty();
        }
        return Optional.of(EbmsError.error(ErrorCode.INCONSISTENT, "//Header/MessageHeader/MessageData/Timestamp",
                "Timestamp " + timestamp + " is older than PersistDuration allows (" + forgetAfter
                        + "): a replayed message cannot be told from a new one; send it under a new MessageId"));
    }
}
