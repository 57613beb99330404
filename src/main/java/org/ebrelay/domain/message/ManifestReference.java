package org.ebrelay.domain.message;

import java.util.List;

/**
 * eb:Manifest/eb:Reference: points at one payload.
 *
 * @param href         the xlink:href, usually "cid:" + the payload's Content-ID
 * @param id           the eb:id, or null
 * @param role         the xlink:role, or null
 * @param schemas      eb:Schema elements, possibly empty
 * @param descriptions eb:Description elements, possibly empty
 */
public record ManifestReference(String href, String id, String role, List<SchemaLocation> schemas,
                                List<Description> descriptions) {
    public ManifestReference {
        Text.nonBlank(href, "xlink:href");
        id = Text.blankToNull(id);
        role = Text.blankToNull(role);
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        descriptions = descriptions == null ? List.of() : List.copyOf(descriptions);
    }

    public static ManifestReference toContentId(String contentId) {
        return new ManifestReference("cid:" + contentId, null, null, List.of(), List.of());
    }

    /** The Content-ID this reference names, when it is a cid: URI (RFC 2392, percent-decoded); else null. */
    public String contentId() {
        if (!href.regionMatches(true, 0, "cid:", 0, 4)) {
            return null;
        }
        return java.net.URLDecoder.decode(href.substring(4).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** eb:Schema: where the payload's schema is and its version. */
    public record SchemaLocation(String location, String version) {
        public SchemaLocation {
            Text.nonBlank(location, "eb:Schema/@location");
            version = Text.blankToNull(version);
        }
    }
}
