package org.ebrelay.domain.cpa;

import java.util.Optional;

/**
 * An MSH-level message (Acknowledgment, MessageError, Ping, Pong, StatusRequest, StatusResponse) resolved
 * against an agreement (cpa-digest §3.2): each party's MSH channel for the action and the packaging.
 *
 * @param endpoint where an asynchronous signal is posted, or null when the receiver's transport has no endpoint
 *                 for it (then the signal can only travel synchronously)
 */
public record MshRoute(PartyInfo fromParty, DeliveryChannel sendChannel, PartyInfo toParty,
                       DeliveryChannel receiveChannel, Endpoint endpoint) {
    public MshRoute {
        Require.nonNull(fromParty, "fromParty");
        Require.nonNull(sendChannel, "sendChannel");
        Require.nonNull(toParty, "toParty");
        Require.nonNull(receiveChannel, "receiveChannel");
    }

    public Optional<Endpoint> asyncEndpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** PartyInfo/@defaultMshPackageId of the sender. */
    public String packageId() {
        return fromParty.defaultMshPackageId();
    }
}
