package org.ebrelay.app.outbound;

import java.util.function.Predicate;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.Actor;

/**
 * Recognises a multi-hop route from its CPA: the receiving channel asks for acknowledgments from the next MSH
 * ({@code MessagingCharacteristics/@actor = nextMSH}, digest ACK-1, ENV-7), so there is an intermediary between us
 * and the To party. A CPA without such a channel, or one no longer loaded, counts as single hop.
 */
public final class CpaMultiHop implements Predicate<MessageHeading> {
    private final AgreementRegistry agreements;

    public CpaMultiHop(AgreementRegistry agreements) {
        this.agreements = agreements;
    }

    @Override
    public boolean test(MessageHeading heading) {
        return agreements.find(heading.cpaId())
                .flatMap(a -> a.route(heading.from(), null, heading.to(), heading.service(), heading.action()))
                .map(route -> route.characteristics().effectiveActor() == Actor.NEXT_MSH)
                .orElse(false);
    }
}
