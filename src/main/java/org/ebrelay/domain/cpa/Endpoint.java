package org.ebrelay.domain.cpa;

import java.net.URI;

/** A TransportReceiver/Endpoint: the URL a party accepts POSTs on, and for what. */
public record Endpoint(URI uri, EndpointType type) {
    public Endpoint {
        Require.nonNull(uri, "uri");
        Require.nonNull(type, "type");
        Require.that(uri.isAbsolute(), "an endpoint URI must be absolute: " + uri);
    }
}
