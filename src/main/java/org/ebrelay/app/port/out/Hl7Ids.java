package org.ebrelay.app.port.out;

import java.util.Optional;

/** Reads the HL7 message id (MSH-10, id/@root...) a payload carries, to link an ebXML message to its HL7 message. */
@FunctionalInterface
public interface Hl7Ids {
    /** Finds no id. */
    Hl7Ids NONE = (contentType, content) -> Optional.empty();

    /**
     * The HL7 message id of a payload; empty when it is not HL7 or carries none. Never throws.
     *
     * @param contentType the payload's MIME type as received, or null
     */
    Optional<String> of(String contentType, byte[] content);
}
