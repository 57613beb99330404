package org.ebrelay.domain.cpa;

import java.util.List;
import java.util.Optional;

/**
 * A Transport of a PartyInfo: where the party receives (endpoints) and the TLS settings of its sending and
 * receiving sides.
 *
 * @param endpoints      TransportReceiver/Endpoint elements in document order; empty when the party receives nothing
 * @param clientSecurity TransportSender/TransportClientSecurity, or null (no TLS settings for outbound connections)
 * @param serverSecurity TransportReceiver/TransportServerSecurity, or null (no TLS settings for inbound connections)
 */
public record Transport(String transportId, List<Endpoint> endpoints, TransportSecurity clientSecurity,
                        TransportSecurity serverSecurity) {
    public Transport {
        transportId = Require.nonBlank(transportId, "transportId");
        endpoints = List.copyOf(endpoints);
    }

    /**
     * The endpoint for a purpose: the first of exactly that type, else the first allPurpose one, else the first
     * that is not a login endpoint (ebms-core simply takes the first endpoint; a login page never takes POSTs).
     */
    public Optional<Endpoint> endpointFor(EndpointType purpose) {
        return endpoints.stream().filter(e -> e.type() == purpose).findFirst()
                .or(() -> endpoints.stream().filter(e -> e.type() == EndpointType.ALL_PURPOSE).findFirst())
                .or(() -> endpoints.stream().filter(e -> e.type() != EndpointType.LOGIN).findFirst());
    }
}
