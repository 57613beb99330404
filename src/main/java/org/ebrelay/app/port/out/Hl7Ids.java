package org.ebrelay.app.port.out;

import java.util.Optional;

/** Reads the HL7 message id of a payload: MSH-10 for HL7 v2, id/@root(^extension) for HL7 v3. */
public interface Hl7Ids {
    /** Empty when the payload is not HL7 or carries no id; never throws. */
    Optional<String> of(String contentType, byte[] content);
}
