package org.ebrelay.adapter.soap;

import java.util.Optional;
import org.ebrelay.app.port.out.WireMessage;

/**
 * The Header Container of a message package as received: the SOAP envelope's bytes (transfer-decoded, otherwise
 * exact), which is what a signature over the envelope is checked against. Payloads come from the decoded message.
 */
public final class EnvelopePart {
    private EnvelopePart() {
    }

    /** The envelope of a multipart/related package (its root part), or the body of a bare envelope; empty if none. */
    public static Optional<byte[]> of(WireMessage wire) {
        ParsedContentType type = ParsedContentType.parse(wire.contentType());
        if (!type.isMultipart()) {
            return Optional.of(wire.body());
        }
        MultipartReader.Part root = MultipartReader.read(type, wire.body()).root();
        return root == null ? Optional.empty() : Optional.of(root.content());
    }
}
