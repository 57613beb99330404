package org.ebrelay.adapter.http;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.transport.servlet.ServletController;
import org.apache.cxf.transport.servlet.servicelist.ServiceListGeneratorServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CXF (JAX-RS under /api, JAX-WS under /soap) hosted as a servlet inside the node's own Jetty server, so there
 * is one server and one thread pool. CXF's own Jetty engine is never started: every address is relative to
 * the servlet, and endpoints are published only once the servlet has initialised its destination registry
 * (STACK.md: build {@code EndpointImpl(bus, impl)}, then publish).
 */
final class CxfServices {
    static final String API_PREFIX = "/api";
    static final String SOAP_PREFIX = "/soap";

    private record SoapEndpoint(String path, Object implementor, String wsdlLocation) {
    }

    /** A further JAX-RS application under a prefix of its own (e.g. the Message Bank's /bank/api). */
    private record RestApplication(String prefix, List<Object> resources, List<Object> providers) {
    }

    private final Bus cxfBus = BusFactory.newInstance().createBus();
    private final List<Object> restResources = new ArrayList<>();
    private final List<Object> restProviders = new ArrayList<>();
    private final List<SoapEndpoint> soapEndpoints = new ArrayList<>();
    private final List<RestApplication> restApplications = new ArrayList<>();
    private final List<Server> restServers = new ArrayList<>();
    private final List<EndpointImpl> published = new ArrayList<>();

    void addRestResource(Object resource) {
        restResources.add(resource);
    }

    void addRestProvider(Object provider) {
        restProviders.add(provider);
    }

    void addSoapEndpoint(String path, Object implementor, String wsdlLocation) {
        if (!path.startsWith("/") || path.length() < 2) {
            throw new IllegalArgumentException("a SOAP endpoint path starts with / and names something: " + path);
        }
        soapEndpoints.add(new SoapEndpoint(path, implementor, wsdlLocation));
    }

    /** Resources and providers (JSON included) served under {@code prefix}, apart from /api's. */
    void addRestApplication(String prefix, List<Object> resources, List<Object> providers) {
        restApplications.add(new RestApplication(prefix, List.copyOf(resources), List.copyOf(providers)));
    }

    /** The prefixes of the further REST applications. */
    List<String> extraPrefixes() {
        return restApplications.stream().map(RestApplication::prefix).toList();
    }

    boolean isEmpty() {
        return restResources.isEmpty() && soapEndpoints.isEmpty() && restApplications.isEmpty();
    }

    /** The servlet context to mount at "/"; only /api and /soap requests are routed to it. */
    ServletContextHandler contextHandler() {
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.setErrorHandler(new PlainErrorPages.Servlet());
        ServletHolder holder = new ServletHolder("cxf", new PublishingServlet());
        holder.setInitParameter("hide-service-list-page", "true");
        holder.setInitOrder(0);
        context.addServlet(holder, "/*");
        return context;
    }

    private void publish() {
        if (!restResources.isEmpty()) {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(cxfBus);
            factory.setAddress(API_PREFIX);
            factory.setServiceBeans(new ArrayList<>(restResources));
            List<Object> providers = new ArrayList<>();
            providers.add(new JacksonJsonProvider(ApiJson.mapper()));
            providers.addAll(restProviders);
            factory.setProviders(providers);
            restServers.add(factory.create());
        }
        for (RestApplication application : restApplications) {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(cxfBus);
            factory.setAddress(application.prefix());
            factory.setServiceBeans(new ArrayList<>(application.resources()));
            factory.setProviders(new ArrayList<>(application.providers()));
            restServers.add(factory.create());
        }
        for (SoapEndpoint soap : soapEndpoints) {
            EndpointImpl endpoint = new EndpointImpl(cxfBus, soap.implementor());
            if (soap.wsdlLocation() != null) {
                endpoint.setWsdlLocation(soap.wsdlLocation());
            }
            endpoint.publish(SOAP_PREFIX + soap.path());
            published.add(endpoint);
        }
    }

    void shutdown() {
        published.forEach(EndpointImpl::stop);
        restServers.forEach(Server::destroy);
        cxfBus.shutdown(true);
    }

    /**
     * CXF's servlet on our bus: publishes once initialised, and answers unknown paths in plain text. (Inside
     * this class {@code bus} is the servlet's inherited field: a bus it creates itself unless given ours.)
     */
    private final class PublishingServlet extends CXFNonSpringServlet {
        PublishingServlet() {
            setBus(cxfBus);
        }

        @Override
        protected void finalizeServletInit(ServletConfig config) throws ServletException {
            super.finalizeServletInit(config);
            publish();
        }

        @Override
        protected ServletController createServletController(ServletConfig config) {
            DestinationRegistry registry = getDestinationRegistryFromBusOrDefault(
                    config.getInitParameter("transportId"));
            return new PlainNotFoundController(registry, config, new ServiceListGeneratorServlet(registry, bus));
        }
    }

    /** CXF writes an HTML "No service was found" page for unknown paths; we answer plain text. */
    private static final class PlainNotFoundController extends ServletController {
        PlainNotFoundController(DestinationRegistry registry, ServletConfig config,
                                ServiceListGeneratorServlet serviceList) {
            super(registry, config, serviceList);
        }

        @Override
        protected void generateNotFound(HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            response.setStatus(404);
            response.setContentType("text/plain; charset=UTF-8");
            response.getOutputStream().write("No service at this path\n".getBytes(StandardCharsets.UTF_8));
        }
    }
}
