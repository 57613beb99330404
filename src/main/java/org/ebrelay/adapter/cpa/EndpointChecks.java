package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.ActionBinding.Direction;

import java.net.URI;
import java.util.Optional;

/**
 * Endpoints are absolute http(s) URLs, every receiving channel has somewhere to receive, and asynchronous
 * acknowledgments have an endpoint to go to (§3.2).
 */
final class EndpointChecks implements CpaCheck {
    @Override
    public void check(CpaDocument document, Findings findings) {
        for (XmlNode party : document.parties()) {
            for (XmlNode transport : party.children("Transport")) {
                transport.descendants("Endpoint").forEach(e -> checkUri(transport, e, findings));
            }
            for (ChannelNode channel : ChannelNode.of(document, party)) {
                if (channel.transport() != null && channel.usedForReceiving() && !hasEndpoint(channel.transport())) {
                    String action = channel.users().stream().filter(b -> b.direction() == Direction.RECEIVE)
                            .findFirst().orElseThrow().action();
                    findings.error(channel.node(), channel.label() + " receives action \"" + action + "\" but its "
                            + CpaDocument.describe(channel.transport()) + " has no endpoint to receive it on"
                            + " (a TransportReceiver/Endpoint that is not of type login)");
                }
                if (channel.usedForSending() && channel.always("ackRequested")) {
                    checkAsyncAckEndpoint(document, party, channel, findings);
                }
            }
        }
    }

    private static void checkUri(XmlNode transport, XmlNode endpoint, Findings findings) {
        String text = endpoint.attr("uri");
        Optional<URI> uri = CpaValues.uri(text);
        boolean web = uri.isPresent() && uri.get().isAbsolute() && uri.get().getHost() != null
                && ("http".equalsIgnoreCase(uri.get().getScheme()) || "https".equalsIgnoreCase(uri.get().getScheme()));
        if (!web) {
            findings.error(endpoint, "endpoint \"" + text + "\" of " + CpaDocument.describe(transport)
                    + " is not an absolute http or https URL such as https://host.example.org/ebms");
        } else if ("http".equalsIgnoreCase(uri.get().getScheme())
                && transport.descendants("TransportServerSecurity").size() > 0) {
            findings.warning(endpoint, "endpoint \"" + text + "\" is plain http although "
                    + CpaDocument.describe(transport) + " declares TLS (TransportServerSecurity)");
        }
    }

    /** Whether the transport has an endpoint that takes POSTs: any but a login endpoint (see Transport.endpointFor). */
    static boolean hasEndpoint(XmlNode transport) {
        return transport.descendants("Endpoint").stream().anyMatch(e -> !"login".equals(e.attr("type")));
    }

    /** Acks not returned on the HTTP response are POSTed to the sender's MSH channel for Acknowledgment. */
    private static void checkAsyncAckEndpoint(CpaDocument document, XmlNode party, ChannelNode channel,
                                              Findings findings) {
        String mode = channel.characteristic("syncReplyMode");
        if (!mode.equals("none") && !mode.equals("responseOnly")) {
            return;
        }
        Optional<XmlNode> mshTransport = mshChannel(document, party, "Acknowledgment")
                .flatMap(c -> document.byId(c.attr("transportId"))).filter(t -> t.is("Transport"));
        if (mshTransport.isPresent() && !hasEndpoint(mshTransport.get())) {
            findings.error(channel.characteristicsNode(), "acknowledgments for " + channel.label()
                    + " come back asynchronously (syncReplyMode=\"" + mode + "\"), but "
                    + CpaDocument.describe(mshTransport.get()) + " of party " + CpaDocument.partyName(party)
                    + "'s MSH channel has no endpoint to receive them");
        }
    }

    /** The DeliveryChannel a party uses for an MSH action: its override, else its default (§3.2). */
    static Optional<XmlNode> mshChannel(CpaDocument document, XmlNode party, String action) {
        String channelId = party.children("OverrideMshActionBinding").stream()
                .filter(o -> action.equals(o.attr("action"))).map(o -> o.attr("channelId")).findFirst()
                .orElse(party.attr("defaultMshChannelId"));
        return document.byId(channelId).filter(c -> c.is("DeliveryChannel"));
    }
}
