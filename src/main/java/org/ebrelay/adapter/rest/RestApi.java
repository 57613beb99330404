package org.ebrelay.adapter.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.ebrelay.app.AccessCheck;
import org.ebrelay.app.port.in.DiagnosePartner;
import org.ebrelay.app.port.in.HandleManually;
import org.ebrelay.app.port.in.Inbox;
import org.ebrelay.app.port.in.QueryMessages;
import org.ebrelay.app.port.in.SubmitMessage;

import java.util.List;

/**
 * The node's REST API over the use-case ports: its resources and providers, and {@link #mount} to publish them
 * on a CXF bus (under {@code /api} on the node's HTTP server).
 */
public final class RestApi {
    /** Largest request body accepted (a JSON submission carries its payloads in base64). */
    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

    private final List<Object> resources;
    private final List<Object> providers;
    private final SubmissionHandler submission;

    public RestApi(SubmitMessage submit, QueryMessages query, Inbox inbox, DiagnosePartner diagnose,
                   AccessCheck accessCheck) {
        this(submit, query, inbox, diagnose, accessCheck, DEFAULT_MAX_BODY_BYTES);
    }

    public RestApi(SubmitMessage submit, QueryMessages query, Inbox inbox, DiagnosePartner diagnose,
                   AccessCheck accessCheck, long maxBodyBytes) {
        this(submit, query, inbox, diagnose, HandleManually.NOT_AVAILABLE, accessCheck, maxBodyBytes);
    }

    public RestApi(SubmitMessage submit, QueryMessages query, Inbox inbox, DiagnosePartner diagnose,
                   HandleManually handleManually, AccessCheck accessCheck, long maxBodyBytes) {
        ObjectMapper mapper = ApiJson.mapper();
        RequestBodies bodies = new RequestBodies(mapper, maxBodyBytes);
        this.resources = List.of(
                new MessagesResource(query, bodies, handleManually),
                new InboxResource(inbox),
                new PartnerResource(diagnose, bodies),
                new OpenApiResource());
        this.providers = List.of(
                new JacksonJsonProvider(mapper),
                new ApiExceptionMapper(),
                new BearerTokenFilter(accessCheck));
        this.submission = new SubmissionHandler(new SubmissionEndpoint(submit, bodies, mapper), accessCheck);
    }

    /** {@code POST /api/messages}, served by Jetty directly: route {@link SubmissionHandler#PATH} to it. */
    public SubmissionHandler submissionHandler() {
        return submission;
    }

    /** The JAX-RS resource instances (singletons). */
    public List<Object> resources() {
        return resources;
    }

    /** JSON, error mapping and the bearer-token filter. */
    public List<Object> providers() {
        return providers;
    }

    /**
     * Publishes the API on {@code bus} at {@code address}: relative (e.g. {@code /api}) under a CXF servlet that
     * uses the same bus, or absolute ({@code http://host:port/api}) on CXF's own Jetty transport.
     */
    public Server mount(Bus bus, String address) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(address);
        factory.setServiceBeans(resources);
        factory.setProviders(providers);
        return factory.create();
    }
}
