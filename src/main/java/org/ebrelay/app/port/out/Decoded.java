package org.ebrelay.app.port.out;

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
 *
 * @param faultCode for an unreadable message, the SOAP 1.1 faultcode to answer with ({@link SoapFault#CLIENT},
 *                  {@link SoapFault#VERSION_MISMATCH} for a non-SOAP-1.1 envelope, {@link SoapFault#MUST_UNDERSTAND},
 *                  {@link SoapFault#SERVER} when the decoder itself failed); null when the message is readable
 */
public record Decoded(EbmsMessage message, SoapFault receivedFault, List<EbmsError> problems, String faultCode) {
    public Decoded {
        problems = List.copyOf(problems);
        boolean readable = message != null || receivedFault != null;
        faultCode = readable ? null : faultCode == null ? SoapFault.CLIENT : faultCode;
    }

    /** An outcome whose fault, if unreadable, is a Client fault. */
    public Decoded(EbmsMessage message, SoapFault receivedFault, List<EbmsError> problems) {
        this(message, receivedFault, problems, null);
    }

    /** Unreadable as ebXML, answered with a SOAP Fault of {@code faultCode}. */
    public static Decoded unreadable(String faultCode, List<EbmsError> problems) {
        return new Decoded(null, null, problems, faultCode);
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
        String why = problems.stream().filter(p -> p.severity() == Severity.ERROR).findFirst()
                .or(() -> problems.stream().findFirst())
                .map(EbmsError::description).orElse("unreadable message");
        return new SoapFault(faultCode, why, null);
    }
}
