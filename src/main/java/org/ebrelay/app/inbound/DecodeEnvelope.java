package org.ebrelay.app.inbound;

import java.util.List;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.Severity;

/** Step 1 (digest §16 steps 1-4): MIME, XML, SOAP and the ebXML header, by the codec. */
final class DecodeEnvelope {
    private final MessageCodec codec;

    DecodeEnvelope(MessageCodec codec) {
        this.codec = codec;
    }

    /** What decoding found. */
    sealed interface Decoding {
        /** Not an ebXML message we can address an ErrorList to: answered with this SOAP Fault (ERR-6). */
        record Unreadable(SoapFault fault) implements Decoding {
        }

        /** A SOAP Fault was posted to us as a request: nothing to answer (ERR-3). */
        record FaultPosted(SoapFault fault) implements Decoding {
        }

        /**
         * An ebXML message.
         *
         * @param errors   problems of severity Error: the message is rejected with them
         * @param warnings problems that do not stop it
         */
        record Readable(EbmsMessage message, List<EbmsError> errors, List<EbmsError> warnings) implements Decoding {
        }
    }

    Decoding decode(WireMessage wire) {
        Decoded decoded = codec.decode(wire);
        if (decoded.message() != null) {
            return new Decoding.Readable(decoded.message(), bySeverity(decoded, Severity.ERROR),
                    bySeverity(decoded, Severity.WARNING));
        }
        if (decoded.receivedFault() != null) {
            return new Decoding.FaultPosted(decoded.receivedFault());
        }
        return new Decoding.Unreadable(decoded.faultToAnswer());
    }

    private static List<EbmsError> bySeverity(Decoded decoded, Severity severity) {
        return decoded.problems().stream().filter(p -> p.severity() == severity).toList();
    }
}
