package org.ebrelay.domain.cpa;

import java.util.List;

/**
 * TLS settings of one side of a Transport: TransportClientSecurity (outbound connections) or
 * TransportServerSecurity (inbound connections).
 *
 * @param protocol      TransportSecurityProtocol with its version, e.g. "TLS 1.2"; informational only (HTTP-7)
 * @param certificateId the certId this side presents (ClientCertificateRef or ServerCertificateRef), or null
 * @param trustAnchors  certIds of the anchors that validate the peer's certificate (ServerSecurityDetailsRef or
 *                      ClientSecurityDetailsRef resolved to its TrustAnchors), possibly empty
 */
public record TransportSecurity(String protocol, String certificateId, List<String> trustAnchors) {
    public TransportSecurity {
        protocol = Require.nonBlank(protocol, "TransportSecurityProtocol");
        certificateId = Require.blankToNull(certificateId);
        trustAnchors = List.copyOf(trustAnchors);
    }
}
