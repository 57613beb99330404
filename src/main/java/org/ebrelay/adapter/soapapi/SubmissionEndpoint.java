package org.ebrelay.adapter.soapapi;

import jakarta.annotation.Resource;
import jakarta.xml.soap.Detail;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.ebrelay.app.AccessCheck;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.QueryMessages;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.in.SubmitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * The SOAP submission API (wsdl/ebrelay-submission.wsdl) as a payload-mode {@link Provider}: the body element is
 * serialised once and read again with the hardened StAX parser, dispatched by its name, and answered per the WSDL.
 * A refusal is a SOAP Fault carrying an ApiFault detail.
 */
@WebServiceProvider(serviceName = "SubmissionService", portName = "SubmissionPort",
        targetNamespace = SubmissionRequestReader.NS, wsdlLocation = SubmissionEndpoint.WSDL_LOCATION)
@ServiceMode(Service.Mode.PAYLOAD)
public class SubmissionEndpoint implements Provider<Source> {
    /** Where the build puts wsdl/ebrelay-submission.wsdl on the classpath. */
    public static final String WSDL_LOCATION = "classpath:wsdl/ebrelay-submission.wsdl";
    private static final Logger log = LoggerFactory.getLogger(SubmissionEndpoint.class);
    private static final QName CLIENT = new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, "Client");
    private static final QName SERVER = new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, "Server");

    private final SubmitMessage submitMessage;
    private final QueryMessages queryMessages;
    private final AccessCheck accessCheck;
    private final SubmissionRequestReader reader = new SubmissionRequestReader();
    private final SubmissionResponseWriter writer = new SubmissionResponseWriter();

    @Resource
    private WebServiceContext context;

    public SubmissionEndpoint(SubmitMessage submitMessage, QueryMessages queryMessages, AccessCheck accessCheck) {
        this.submitMessage = submitMessage;
        this.queryMessages = queryMessages;
        this.accessCheck = accessCheck;
    }

    @Override
    public Source invoke(Source request) {
        try {
            SubmissionRequestReader.Request parsed = reader.read(bytes(request));
            return new StreamSource(new ByteArrayInputStream(answer(parsed)));
        } catch (ApiFault refusal) {
            throw fault(refusal);
        } catch (RuntimeException e) {
            log.error("SOAP API request failed", e);
            throw fault(new ApiFault("InternalError", "the node could not handle the request; see its log", false));
        }
    }

    private byte[] answer(SubmissionRequestReader.Request request) {
        if (request instanceof SubmissionRequestReader.Submit submit) {
            checkAccess("soap:SubmitMessage");
            SubmissionResult result = submitMessage.submit(submit.submission());
            if (result instanceof SubmissionResult.Refused refused) {
                throw new ApiFault(refused.error(), refused.detail(), true);
            }
            return writer.accepted((SubmissionResult.Accepted) result);
        }
        String id = ((SubmissionRequestReader.GetStatus) request).id();
        checkAccess("soap:GetMessageStatus");
        List<MessageView> found = queryMessages.find(id);
        if (found.isEmpty()) {
            throw new ApiFault("NotFound", "no message has the ebXML or HL7 id '" + id + "'", true);
        }
        return writer.messages(found);
    }

    private void checkAccess(String operation) {
        AccessCheck.Verdict verdict = accessCheck.decide(bearerToken(), operation);
        if (verdict == AccessCheck.Verdict.UNAUTHENTICATED) {
            throw new ApiFault("Unauthorized", "a valid bearer token is required for " + operation, true);
        }
        if (verdict == AccessCheck.Verdict.FORBIDDEN) {
            throw new ApiFault("Forbidden", "the token's role does not allow " + operation, true);
        }
    }

    /** The token of the HTTP request's {@code Authorization: Bearer} header, or null. */
    private String bearerToken() {
        if (context == null) {
            return null;
        }
        Object headers = context.getMessageContext().get(MessageContext.HTTP_REQUEST_HEADERS);
        if (!(headers instanceof Map<?, ?> map)) {
            return null;
        }
        for (Map.Entry<?, ?> header : map.entrySet()) {
            if ("authorization".equalsIgnoreCase(String.valueOf(header.getKey()))
                    && header.getValue() instanceof List<?> values && !values.isEmpty()) {
                String value = String.valueOf(values.get(0));
                if (value.regionMatches(true, 0, "Bearer ", 0, 7) && !value.substring(7).isBlank()) {
                    return value.substring(7).strip();
                }
            }
        }
        return null;
    }

    /** The body element as bytes, whatever kind of Source CXF handed over. */
    private static byte[] bytes(Source source) {
        if (source == null) {
            throw ApiFault.malformed("the SOAP Body is empty");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            TransformerFactory.newInstance().newTransformer().transform(source, new StreamResult(out));
        } catch (TransformerException e) {
            throw ApiFault.malformed("the SOAP Body cannot be read: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static SOAPFaultException fault(ApiFault refusal) {
        try {
            SOAPFactory factory = SOAPFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL);
            SOAPFault fault = factory.createFault(refusal.detail(), refusal.clientFault() ? CLIENT : SERVER);
            Detail detail = fault.addDetail();
            SOAPElement apiFault = detail.addDetailEntry(new QName(SubmissionRequestReader.NS, "ApiFault", "ebr"));
            apiFault.addChildElement("error", "ebr").addTextNode(refusal.error());
            apiFault.addChildElement("detail", "ebr").addTextNode(refusal.detail());
            return new SOAPFaultException(fault);
        } catch (SOAPException e) {
            throw new IllegalStateException("cannot build a SOAP Fault", e);
        }
    }
}
