package org.ebrelay.adapter.bank.rest;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.ebrelay.adapter.bank.JdbcMessageBank;
import org.ebrelay.adapter.rest.ApiExceptionMapper;
import org.ebrelay.adapter.rest.ApiJson;
import org.ebrelay.app.port.out.MessageCodec;

/**
 * The bank's REST API ({@code /bank/api}, docs/bank-api.md): its JAX-RS resources and providers. Nothing here
 * checks who calls: an authentication filter is added as one more provider ({@link #addProvider}).
 */
public final class BankApi {
    public static final String PREFIX = "/bank/api";

    private final List<Object> resources = new ArrayList<>();
    private final List<Object> providers = new ArrayList<>();

    public BankApi(JdbcMessageBank bank, MessageCodec codec, Clock clock) {
        resources.addAll(List.of(new BankMessagesResource(bank, codec), new BankResendsResource(bank),
                new BankOverviewResource(bank, clock), new BankNodeChannelResource(bank), new BankCpasResource(bank)));
        providers.add(new JacksonJsonProvider(ApiJson.mapper()));
        providers.add(new ApiExceptionMapper());
    }

    public List<Object> resources() {
        return List.copyOf(resources);
    }

    /** A further resource under the same prefix (the portal's session and user endpoints); before mounting. */
    public BankApi addResource(Object resource) {
        resources.add(resource);
        return this;
    }

    public List<Object> providers() {
        return List.copyOf(providers);
    }

    /** A filter (authentication) or another provider; before mounting. */
    public BankApi addProvider(Object provider) {
        providers.add(provider);
        return this;
    }

    /** Publishes on {@code bus} at {@code address} (relative under a CXF servlet, or absolute on CXF's Jetty). */
    public Server mount(Bus bus, String address) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(address);
        factory.setServiceBeans(new ArrayList<>(resources));
        factory.setProviders(providers());
        return factory.create();
    }
}
