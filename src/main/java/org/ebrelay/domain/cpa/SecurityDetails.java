package org.ebrelay.domain.cpa;

import java.util.List;

/** A SecurityDetails of a PartyInfo: the certIds of its TrustAnchors (possibly empty). */
public record SecurityDetails(String securityId, List<String> anchorCertificateIds) {
    public SecurityDetails {
        securityId = Require.nonBlank(securityId, "securityId");
        anchorCertificateIds = List.copyOf(anchorCertificateIds);
    }
}
