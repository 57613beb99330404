package org.ebrelay.domain.cpa;

import org.ebrelay.domain.message.Service;

import java.util.List;

/**
 * A ThisPartyActionBinding: one action of one service that a party, in one role, may send (CanSend) or
 * receive (CanReceive). Bindings nested in another CanSend/CanReceive (synchronous responses) are kept
 * as ordinary bindings of the party.
 *
 * @param roleName                      Role/@name of the CollaborationRole holding the binding (eb:Role)
 * @param packageId                     the Packaging of the message
 * @param channelIds                    ChannelId values, at least one; the first is the one used (§3.1 step 5)
 * @param otherPartyBindingId           OtherPartyActionBinding: the id of the matching binding of the other party,
 *                                      or null
 * @param nonRepudiationRequired        BusinessTransactionCharacteristics/@isNonRepudiationRequired
 * @param nonRepudiationReceiptRequired BusinessTransactionCharacteristics/@isNonRepudiationReceiptRequired
 */
public record ActionBinding(String id, Direction direction, String roleName, Service service, String action,
                            String packageId, List<String> channelIds, String otherPartyBindingId,
                            boolean nonRepudiationRequired, boolean nonRepudiationReceiptRequired) {

    /** CanSend or CanReceive. */
    public enum Direction {
        SEND, RECEIVE;

        public Direction opposite() {
            return this == SEND ? RECEIVE : SEND;
        }
    }

    public ActionBinding {
        id = Require.nonBlank(id, "binding id");
        Require.nonNull(direction, "direction");
        roleName = Require.nonBlank(roleName, "role name");
        Require.nonNull(service, "service");
        action = Require.nonBlank(action, "action");
        packageId = Require.nonBlank(packageId, "packageId");
        channelIds = List.copyOf(channelIds);
        Require.that(!channelIds.isEmpty(), "action binding " + id + " needs a ChannelId");
        otherPartyBindingId = Require.blankToNull(otherPartyBindingId);
    }

    /** The channel the message travels on: the first ChannelId. */
    public String channelId() {
        return channelIds.get(0);
    }

    /** Whether this binding is for the given service (value and type) and action. */
    public boolean matches(Service wantedService, String wantedAction) {
        return service.equals(wantedService) && action.equals(wantedAction);
    }

    /** Whether this binding is in the given role; a null role matches any. */
    public boolean inRole(String wantedRole) {
        return wantedRole == null || roleName.equals(wantedRole);
    }
}
