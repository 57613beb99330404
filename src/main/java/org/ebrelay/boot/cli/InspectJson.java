package org.ebrelay.boot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON form of an {@link InspectReport}: one object, times as ISO-8601 UTC strings, nulls written. */
public final class InspectJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private InspectJson() {
    }

    public static String render(InspectReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            // Records of strings, numbers and Instants always serialise; this would be a programming error.
            throw new IllegalStateException("cannot write the inspect report as JSON", e);
        }
    }
}
