package org.ebrelay.app.inbound;

import java.util.Optional;
import java.util.function.Predicate;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.app.port.out.WireMessage;

/** Step 0 (HTTP-2, digest §16 step 1): the SOAPAction header, before anything is parsed; ebms-core does the same. */
final class CheckSoapAction {
    private final Predicate<String> accepted;

    CheckSoapAction(Predicate<String> accepted) {
        this.accepted = accepted;
    }

    Optional<SoapFault> check(WireMessage request) {
        if (accepted.test(request.soapAction())) {
            return Optional.empty();
        }
        return Optional.of(SoapFault.client(request.soapAction() == null
                ? "the SOAPAction header is missing; ebXML messages carry SOAPAction: \"ebXML\""
                : "SOAPAction " + request.soapAction() + " is not accepted; ebXML messages carry SOAPAction: \"ebXML\""));
    }
}
