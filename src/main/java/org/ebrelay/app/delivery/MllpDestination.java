package org.ebrelay.app.delivery;

import org.ebrelay.app.hl7.Hl7Fields;
import org.ebrelay.app.hl7.Hl7Route;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.Service;

import java.time.Duration;
import java.util.Objects;

/**
 * A local HL7 system that gets received HL7 v2 messages over MLLP (the configuration's {@code mllp.destinations}).
 *
 * @param cpaId         only messages under this CPA, or null for any
 * @param service       only this eb:Service value, or null for any
 * @param action        only this eb:Action, or null for any
 * @param match         the HL7 fields (MSH-3..6, type, trigger) the payload must have
 * @param retries       sends after the first one that failed; then the delivery stays in the pull inbox
 * @param retryInterval the wait after a failed send
 * @param returnAcks    the system's HL7 answer (AA/CA: with the delivery's confirmation) is sent back to the
 *                      partner, under the same CPA and conversation, referring to the delivered message
 * @param ackAction     the eb:Action of answers sent back, or null for the delivered message's own action
 */
public record MllpDestination(String name, String cpaId, String service, String action, Hl7Route.Matcher match,
                              String host, int port, int retries, Duration retryInterval, boolean returnAcks,
                              String ackAction) {
    /** A destination whose answers are not sent back. */
    public MllpDestination(String name, String cpaId, String service, String action, Hl7Route.Matcher match,
                           String host, int port, int retries, Duration retryInterval) {
        this(name, cpaId, service, action, match, host, port, retries, retryInterval, false, null);
    }

    public MllpDestination {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(retryInterval, "retryInterval");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("an MLLP destination needs a port from 1 to 65535, not " + port);
        }
        if (retries < 0 || retryInterval.isNegative()) {
            throw new IllegalArgumentException("MLLP destination retries and retryInterval must not be negative");
        }
    }

    /** Whether messages with these header values may go here (the HL7 fields are checked at the push). */
    public boolean mayTake(CpaId messageCpaId, Service messageService, String messageAction) {
        return (cpaId == null || cpaId.equals(messageCpaId.value()))
                && (service == null || service.equals(messageService.value()))
                && (action == null || action.equals(messageAction));
    }

    public boolean takes(CpaId messageCpaId, Service messageService, String messageAction, Hl7Fields fields) {
        return mayTake(messageCpaId, messageService, messageAction) && match.matches(fields);
    }

    public String address() {
        return "mllp://" + host + ":" + port;
    }
}
