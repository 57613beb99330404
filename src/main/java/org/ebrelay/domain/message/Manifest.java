package org.ebrelay.domain.message;

import java.util.List;

/** eb:Manifest: the payloads of a message, in order. */
public record Manifest(List<ManifestReference> references) {
    public Manifest {
        references = List.copyOf(references);
        if (references.isEmpty()) {
            throw new IllegalArgumentException("a Manifest holds at least one Reference");
        }
    }
}
