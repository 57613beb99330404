package org.ebrelay.adapter.hl7;

import java.util.Optional;
import org.ebrelay.app.port.out.Hl7Ids;

/** The {@link Hl7Ids} port over {@link Hl7MessageIds}: ER7, HL7 v2 XML and HL7 v3 recognised by their content. */
public final class Hl7PayloadIds implements Hl7Ids {
    private final Hl7MessageIds messageIds;

    public Hl7PayloadIds() {
        this(new Hl7MessageIds());
    }

    /** @param messageIds a shared instance (costly to build) */
    public Hl7PayloadIds(Hl7MessageIds messageIds) {
        this.messageIds = messageIds;
    }

    @Override
    public Optional<String> of(String contentType, byte[] content) {
        return messageIds.extract(contentType, content);
    }
}
