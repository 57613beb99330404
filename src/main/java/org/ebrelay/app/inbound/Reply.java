package org.ebrelay.app.inbound;

import org.ebrelay.app.port.in.ReceiveMessage.InboundReply;
import org.ebrelay.app.port.out.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step (digest §16 step 12, HTTP-3/4): a reply goes on the HTTP response (200) when it is synchronous, else
 * as a request of its own to the partner's MSH, and the POST is answered 204. Called only once what the reply
 * vouches for is committed (RM-R3).
 */
final class Reply {
    private static final Logger LOG = LoggerFactory.getLogger(Reply.class);

    private final AsyncReplies asyncReplies;

    Reply(AsyncReplies asyncReplies) {
        this.asyncReplies = asyncReplies;
    }

    /**
     * @param reply   the reply's bytes, or null when there is nothing to answer (204)
     * @param action  the reply's MSH action (Acknowledgment, MessageError, Pong, StatusResponse)
     * @param address where an asynchronous reply goes; null when unknown (then it is only logged, ERR-4)
     */
    InboundReply answer(Incoming in, WireMessage reply, String action, boolean synchronous, ReplyAddress address) {
        if (reply == null) {
            return InboundReply.noContent();
        }
        if (synchronous) {
            return InboundReply.ok(reply);
        }
        if (address == null) {
            LOG.warn("No address for an asynchronous {} about {}: the CPA or its From party is unknown; not sent",
                    action, in);
        } else {
            asyncReplies.send(address, action, reply, in.message().messageId().value());
        }
        return InboundReply.noContent();
    }
}
