package org.ebrelay.app.inbound;

import java.time.Instant;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.Severity;

/**
 * A readable message as it arrived: the decoded model, the bytes exactly as received and when it was received (the
 * one clock reading of the request).
 */
record Incoming(EbmsMessage message, WireMessage wire, Instant receivedAt) {

    /** A bare envelope posted without a Content-Type was read as text/xml; the store needs a type. */
    WireBytes wireBytes() {
        return new WireBytes(wire.contentType() == null ? "text/xml" : wire.contentType(), wire.body());
    }

    boolean isUserMessage() {
        return message.kind() == MessageKind.USER_MESSAGE;
    }

    /** Carries an ErrorList of severity Error: never answered with an error (ERR-3). */
    boolean reportsAnError() {
        ErrorList errors = message.errorList();
        return errors != null && errors.highestSeverity() == Severity.ERROR;
    }

    @Override
    public String toString() {
        return message.kind().displayName() + " " + message.messageId() + " under " + message.header().cpaId();
    }
}
