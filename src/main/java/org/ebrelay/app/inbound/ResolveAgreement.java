package org.ebrelay.app.inbound;

import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;

/** Step 2 (digest §16 step 6, cpa-digest §3): the CPA the message names. */
final class ResolveAgreement {
    static final String LOCATION = "//Header/MessageHeader/CPAId";

    private final AgreementRegistry agreements;

    ResolveAgreement(AgreementRegistry agreements) {
        this.agreements = agreements;
    }

    Checked<Agreement> resolve(EbmsMessage message) {
        return agreements.find(message.header().cpaId()).map(Checked::passed)
                .orElseGet(() -> Checked.failed(EbmsError.error(ErrorCode.VALUE_NOT_RECOGNIZED, LOCATION,
                        "unknown CPAId " + message.header().cpaId() + ": no such agreement here")));
    }
}
