package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.Severity;

import java.util.List;

/**
 * What decoding a {@link WireMessage} found.
 * <ul>
 *   <li>{@code message != null}: an ebXML message was read; {@code problems} says what is wrong with it
 *       (empty when it is valid). An ErrorList the message carries is part of the message, not a problem.</li>
 *   <li>{@code receivedFault != null}: the document is a SOAP Fault (a partner's answer), not an ebXML message.</li>
 *   <li>both null: unreadable as ebXML (not MIME, not XML, hostile XML, no MessageHeader...);
 *       {@code problems} says why, and {@link #faultToAnswer()} is the SOAP Fault a receiver answers.</li>
 * </ul>
 */
public record Decoded(EbmsMessage message, SoapFault receivedFault, List<EbmsError> problems) {
    public Decoded {
        problems = List.copyOf(problems);
    }

    public boolean isReadable() {
        return message != null || receivedFault != null;
    }

    /** No problem of severity Error. */
    public boolean isValid() {
        return isReadable() && problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
    }

    /** The Fault a receiver answers with when no ebXML ErrorList can be addressed (message unreadable). */
    public SoapFault faultToAnswer() {
        if (message != null || receivedFault != null) {
            return null;
        }
        String why = problems.isEmpty() ? "unreadable message" : problems.get(0).description();
        return SoapFault.client(why);
    }
}
