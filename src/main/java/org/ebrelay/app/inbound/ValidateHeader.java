package org.ebrelay.app.inbound;

import java.util.Optional;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.PartyIds;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.PartyInfo;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.PartyId;

/**
 * Step 4 (HDR-8, digest §16 steps 6 and 8): the header against the CPA. From and To are the two parties of the
 * agreement and To is a party this node acts for; a user message's Service/Action is a CanSend of From with the
 * matching CanReceive of To in the roles the message names, and its reliability elements agree with the receive
 * channel ({@link ChannelConsistency}). MSH-level messages have no service binding (cpa-digest §3.2): only the
 * parties are checked.
 */
final class ValidateHeader {
    private static final String FROM = "//Header/MessageHeader/From/PartyId";
    private static final String TO = "//Header/MessageHeader/To/PartyId";

    private final LocalParties localParties;
    private final ChannelConsistency channelConsistency = new ChannelConsistency();

    ValidateHeader(LocalParties localParties) {
        this.localParties = localParties;
    }

    Checked<Counterparts> validate(EbmsMessage message, Agreement agreement) {
        Checked<Counterparts> parties = parties(message.header(), agreement);
        if (parties.failed() || message.isMshServiceMessage()) {
            return parties;
        }
        Checked<Route> route = route(message.header(), parties.value());
        if (route.failed()) {
            return Checked.failed(route.errors().get(0));
        }
        Optional<EbmsError> inconsistent = channelConsistency.check(message, route.value());
        return inconsistent.<Checked<Counterparts>>map(Checked::failed)
                .orElseGet(() -> Checked.passed(parties.value().withRoute(route.value())));
    }

    private Checked<Counterparts> parties(MessageHeader header, Agreement agreement) {
        Optional<PartyId> from = ReplyAddress.knownId(agreement, header.from());
        if (from.isEmpty()) {
            return Checked.failed(EbmsError.error(ErrorCode.VALUE_NOT_RECOGNIZED, FROM, "From "
                    + describe(header.from().firstId()) + " is not a party of CPA " + agreement.cpaId()));
        }
        Optional<PartyId> to = ReplyAddress.knownId(agreement, header.to());
        if (to.isEmpty()) {
            return Checked.failed(EbmsError.error(ErrorCode.VALUE_NOT_RECOGNIZED, TO, "To "
                    + describe(header.to().firstId()) + " is not a party of CPA " + agreement.cpaId()));
        }
        PartyInfo sender = agreement.party(from.get()).orElseThrow();
        PartyInfo receiver = agreement.party(to.get()).orElseThrow();
        if (sender.equals(receiver)) {
            return Checked.failed(EbmsError.error(ErrorCode.INCONSISTENT, TO,
                    "From and To name the same party " + sender.partyName()));
        }
        if (!localParties.actsFor(receiver)) {
            return Checked.failed(EbmsError.error(ErrorCode.VALUE_NOT_RECOGNIZED, TO, "this gateway does not act for "
                    + describe(to.get()) + " (" + receiver.partyName() + ")"));
        }
        return Checked.passed(new Counterparts(agreement, sender, from.get(), receiver, to.get(), null));
    }

    /**
     * CanSend of From with the CanReceive of To (cpa-digest §3.1, inbound). Not agreed at all: ValueNotRecognized;
     * agreed, but not in the roles the message names: Inconsistent (digest §10).
     */
    private static Checked<Route> route(MessageHeader header, Counterparts parties) {
        Agreement agreement = parties.agreement();
        Optional<Route> route = agreement.route(parties.senderId(), header.from().role(), parties.receiverId(),
                header.to().role(), header.service(), header.action());
        if (route.isPresent()) {
            return Checked.passed(route.get());
        }
        Optional<Route> anyRole = agreement.route(parties.senderId(), null, parties.receiverId(), null,
                header.service(), header.action());
        if (anyRole.isEmpty()) {
            return Checked.failed(EbmsError.error(ErrorCode.VALUE_NOT_RECOGNIZED, "//Header/MessageHeader/Action",
                    "CPA " + agreement.cpaId() + " does not let " + parties.sender().partyName() + " send service "
                            + header.service() + " action " + header.action() + " to "
                            + parties.receiver().partyName()));
        }
        return Checked.failed(EbmsError.error(ErrorCode.INCONSISTENT, "//Header/MessageHeader/From/Role",
                "the roles From " + header.from().role() + " / To " + header.to().role() + " do not match CPA "
                        + agreement.cpaId() + " for " + header.service() + " " + header.action() + ", which names "
                        + anyRole.get().fromRole() + " / " + anyRole.get().toRole()));
    }

    private static String describe(PartyId id) {
        return PartyIds.format(id);
    }
}
