package org.ebrelay.app.inbound;

import java.time.Instant;
import java.util.Optional;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;

/** Step 3 (CPA-2, CPA-3, PNG-4): only an agreed or signed CPA within Start/End governs a message. */
final class CheckAgreementValidity {

    Optional<EbmsError> check(Agreement agreement, Instant receivedAt) {
        String why = switch (agreement.validityAt(receivedAt)) {
            case USABLE -> null;
            case PROPOSED -> "CPA " + agreement.cpaId() + " is only proposed, not agreed or signed";
            case NOT_YET_VALID -> "CPA " + agreement.cpaId() + " is not valid before " + agreement.start();
            case EXPIRED -> "CPA " + agreement.cpaId() + " ended at " + agreement.end();
        };
        return Optional.ofNullable(why)
                .map(text -> EbmsError.error(ErrorCode.INCONSISTENT, ResolveAgreement.LOCATION, text));
    }
}
