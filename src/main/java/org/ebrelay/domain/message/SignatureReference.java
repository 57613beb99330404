package org.ebrelay.domain.message;

import java.util.List;

/**
 * A ds:Reference as copied into a signed Acknowledgment (non-repudiation of receipt).
 *
 * @param uri          the reference URI ("" for the envelope, "cid:..." for a payload)
 * @param transforms   the transform algorithm URIs, in order
 * @param xpath        the XPath filter expression when one of the transforms is the XPath transform, else null
 * @param digestMethod the digest algorithm URI
 * @param digestValue  the base64 digest value
 */
public record SignatureReference(String uri, List<String> transforms, String xpath, String digestMethod, String digestValue) {
    public SignatureReference {
        uri = uri == null ? "" : uri;
        transforms = transforms == null ? List.of() : List.copyOf(transforms);
    }
}
