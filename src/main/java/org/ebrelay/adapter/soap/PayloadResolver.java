package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.Manifest;
import org.ebrelay.domain.message.ManifestReference;
import org.ebrelay.domain.message.Payload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches the Manifest against the MIME parts (MAN-2..5, PKG-9) and yields the payloads in Manifest order. */
final class PayloadResolver {
    private PayloadResolver() {
    }

    private static boolean printable(String value) {
        return value == null || value.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7E);
    }

    /**
     * @param parts all MIME parts (empty for a bare envelope)
     * @param root  the part holding the SOAP envelope, or null for a bare envelope
     */
    static List<Payload> resolve(Manifest manifest, List<MultipartReader.Part> parts, MultipartReader.Part root,
                                 ProblemList problems) {
        Map<String, MultipartReader.Part> byContentId = new LinkedHashMap<>();
        for (MultipartReader.Part part : parts) {
            if (part != root && part.contentId() != null) {
                byContentId.putIfAbsent(part.contentId(), part);
            }
        }
        List<Payload> payloads = new ArrayList<>();
        Set<MultipartReader.Part> referenced = new HashSet<>();
        for (ManifestReference reference : manifest == null ? List.<ManifestReference>of() : manifest.references()) {
            MultipartReader.Part part = find(reference, byContentId, problems);
            if (part != null && referenced.add(part) && part.decoded()) {
                if (!printable(part.contentType()) || !printable(part.contentId())) {
                    // e.g. a bare CR folding two header lines into one: nothing a sender means, and unsafe to
                    // pass on in an HTTP or MIME header (found by the fuzz test)
                    problems.error(ErrorCode.MIME_PROBLEM, reference.href(), "MIME " + part.location()
                            + " has control or non-ASCII characters in its Content-Type or Content-ID");
                    continue;
                }
                payloads.add(new Payload(part.contentId(), part.contentType(), part.content()));
            }
        }
        for (MultipartReader.Part part : parts) {
            if (part != root && !referenced.contains(part)) {
                problems.warning(ErrorCode.MIME_PROBLEM, part.location(), "MIME " + part.location()
                        + " is not referenced by the Manifest; it is not delivered (MAN-4)");
            }
        }
        return payloads;
    }

    private static MultipartReader.Part find(ManifestReference reference, Map<String, MultipartReader.Part> byContentId,
                                             ProblemList problems) {
        String contentId = reference.contentId();
        if (contentId == null) {
            problems.error(ErrorCode.MIME_PROBLEM, reference.href(), "the Manifest refers to '" + reference.href()
                    + "', which is not a cid: URI; payloads outside the message are not supported (MAN-3)");
            return null;
        }
        MultipartReader.Part part = byContentId.get(contentId);
        if (part == null) {
            problems.error(ErrorCode.MIME_PROBLEM, reference.href(), "MIME part not found: no part has Content-ID <"
                    + contentId + "> (MAN-2)");
        }
        return part;
    }
}
