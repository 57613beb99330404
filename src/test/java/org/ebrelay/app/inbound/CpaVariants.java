package org.ebrelay.app.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A shipped CPA with some text replaced, written to a test directory: the variants the shipped ones lack. */
final class CpaVariants {
    private CpaVariants() {
    }

    /** @param replacements pairs of (text, replacement), each text present in the source */
    static Path of(Path source, Path dir, String... replacements) {
        try {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            for (int i = 0; i < replacements.length; i += 2) {
                assertThat(text).as("CPA text to replace").contains(replacements[i]);
                text = text.replace(replacements[i], replacements[i + 1]);
            }
            Path variant = Files.createTempFile(dir, "cpa-", ".xml");
            Files.writeString(variant, text, StandardCharsets.UTF_8);
            return variant;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
