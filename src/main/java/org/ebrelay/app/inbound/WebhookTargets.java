package org.ebrelay.app.inbound;

import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.PartyId;

/**
 * Whether a received message is pushed to a webhook for one of our parties (configured per CPA/service by the
 * delivery configuration); when so its delivery is due for a push at once, else the application pulls it.
 */
@FunctionalInterface
public interface WebhookTargets {
    /** No webhooks: every delivery waits in the inbox. */
    WebhookTargets NONE = (heading, party) -> false;

    boolean pushes(MessageHeading heading, PartyId party);
}
