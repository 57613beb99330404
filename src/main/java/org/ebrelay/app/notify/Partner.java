package org.ebrelay.app.notify;

import java.util.Objects;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;

/** Whom administrator notices are grouped by: the CPA and the party our messages go to. */
public record Partner(CpaId cpaId, PartyId party) {
    public Partner {
        Objects.requireNonNull(cpaId, "cpaId");
        Objects.requireNonNull(party, "party");
    }

    public static Partner of(MessageHeading heading) {
        return new Partner(heading.cpaId(), heading.to());
    }

    @Override
    public String toString() {
        return PartyIds.format(party) + " (CPA " + cpaId.value() + ")";
    }
}
