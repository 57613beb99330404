package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.Manifest;
import org.ebrelay.domain.message.ManifestReference;
import org.ebrelay.domain.message.Payload;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes eb:Manifest (in the SOAP Body). A {@code cid:} reference must name one of the message's payloads
 * (MAN-2) and every payload must be referenced (MAN-4): the encoder refuses to send what a receiver would
 * report as a MimeProblem. The href is rewritten from the payload's Content-ID, percent-encoded (PKG-4, PKG-9),
 * so a reference made from a raw Content-ID and one already encoded come out the same.
 */
final class ManifestWriter {
    private ManifestWriter() {
    }

    static void write(XmlTextWriter xml, Manifest manifest, List<Payload> payloads) {
        Set<String> referenced = new HashSet<>();
        Set<String> ids = new HashSet<>();
        xml.start("eb:Manifest").attribute("eb:version", "2.0");
        for (ManifestReference ref : manifest.references()) {
            if (ref.id() != null && !ids.add(WireText.requireNcName(ref.id(), "eb:id"))) {
                throw new IllegalArgumentException("eb:id used twice in the Manifest: " + ref.id());
            }
            String href = ref.href();
            if (isCid(href)) {
                Payload payload = payloadNamedBy(ref, payloads);
                referenced.add(payload.contentId());
                href = WireText.cidHref(payload.contentId());
            }
            xml.start("eb:Reference").attribute("eb:id", ref.id()).attribute("xlink:href", href)
                    .attribute("xlink:type", "simple").attribute("xlink:role", ref.role());
            for (ManifestReference.SchemaLocation schema : ref.schemas()) {
                xml.start("eb:Schema").attribute("eb:location", schema.location())
                        .attribute("eb:version", schema.version()).end();
            }
            EnvelopeWriter.descriptions(xml, ref.descriptions());
            xml.end();
        }
        xml.end();
        for (Payload p : payloads) {
            if (!referenced.contains(p.contentId())) {
                throw new IllegalArgumentException("payload <" + p.contentId() + "> is not in the Manifest");
            }
        }
    }

    private static boolean isCid(String href) {
        return href.regionMatches(true, 0, "cid:", 0, 4);
    }

    /** The payload a cid: href names: by its raw text (as the builder makes it) or percent-decoded. */
    private static Payload payloadNamedBy(ManifestReference ref, List<Payload> payloads) {
        String raw = ref.href().substring(4);
        for (Payload p : payloads) {
            if (p.contentId().equals(raw)) {
                return p;
            }
        }
        String decoded = decodedContentId(ref);
        for (Payload p : payloads) {
            if (p.contentId().equals(decoded)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Manifest reference " + ref.href() + " names no payload");
    }

    private static String decodedContentId(ManifestReference ref) {
        try {
            return ref.contentId();
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
    }
}
