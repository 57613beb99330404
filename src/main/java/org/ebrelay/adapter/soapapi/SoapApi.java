package org.ebrelay.adapter.soapapi;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.logging.FaultListener;
import org.ebrelay.app.AccessCheck;
import org.ebrelay.app.port.in.QueryMessages;
import org.ebrelay.app.port.in.SubmitMessage;

import java.util.HashMap;
import java.util.Map;

/** The SOAP submission API: publishes {@link SubmissionEndpoint} with our WSDL, so {@code ADDRESS?wsdl} serves it. */
public final class SoapApi {
    private final SubmissionEndpoint endpoint;

    public SoapApi(SubmitMessage submit, QueryMessages query, AccessCheck accessCheck) {
        this.endpoint = new SubmissionEndpoint(submit, query, accessCheck);
    }

    /** The JAX-WS provider, for a server that publishes endpoints itself ({@code WebServer.addSoapEndpoint}). */
    public Object implementor() {
        return endpoint;
    }

    /** Where the contract-first WSDL is, on the classpath. */
    public static String wsdlLocation() {
        return SubmissionEndpoint.WSDL_LOCATION;
    }

    /**
     * Publishes on {@code bus} at {@code address}: relative (e.g. {@code /soap}) under a CXF servlet using the same
     * bus, or absolute on CXF's Jetty transport. Nothing touches the binding before publish: that would start a
     * second server (see STACK.md).
     */
    public EndpointImpl publish(Bus bus, String address) {
        EndpointImpl published = new EndpointImpl(bus, endpoint);
        published.setWsdlLocation(SubmissionEndpoint.WSDL_LOCATION);
        published.setProperties(new HashMap<>(Map.of(FaultListener.class.getName(), new ClientFaultListener())));
        published.publish(address);
        return published;
    }
}
