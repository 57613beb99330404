package org.ebrelay.adapter.soapapi;

import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps expected refusals (soap:Client faults: a refused submission, a malformed request) out of the warning log,
 * where CXF would print each one with a stack trace; they are logged at debug. Server faults keep CXF's logging.
 */
final class ClientFaultListener implements FaultListener {
    private static final Logger log = LoggerFactory.getLogger(ClientFaultListener.class);

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        if (isClientFault(exception)) {
            log.debug("SOAP API request refused: {}", exception.getMessage());
            return false;
        }
        return true;
    }

    static boolean isClientFault(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SOAPFaultException soap) {
                return "Client".equals(soap.getFault().getFaultCodeAsQName().getLocalPart());
            }
        }
        return exception instanceof Fault fault && fault.getFaultCode() != null
                && "Client".equals(fault.getFaultCode().getLocalPart());
    }
}
