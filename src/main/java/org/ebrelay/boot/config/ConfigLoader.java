package org.ebrelay.boot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads {@code conf/ebrelay.yaml}: what the file sets overrides the defaults key by key; a key the file
 * misspells is an error, not silently ignored.
 */
public final class ConfigLoader {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The defaults overlaid with the file (when it is null: the defaults alone). */
    public GatewayConfig load(Path file) {
        GatewayConfig defaults = GatewayConfig.defaults();
        if (file == null) {
            return defaults;
        }
        JsonNode fromFile;
        try {
            fromFile = yaml.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getOriginalMessage()
                    + location(e));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        if (fromFile == null || fromFile.isMissingNode() || fromFile.isNull()) {
            return defaults;
        }
        if (!fromFile.isObject()) {
            throw new ConfigException(file + ": expected keys such as 'http:' and 'storage:' at the top level");
        }
        ObjectNode merged = yaml.valueToTree(defaults);
        overlay(merged, (ObjectNode) fromFile);
        try {
            return yaml.treeToValue(merged, GatewayConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ": unknown key '" + e.getPropertyName() + "' in "
                    + e.getPathReference().replace("org.ebrelay.boot.config.GatewayConfig$", "").replace("GatewayConfig", "top level")
                    + "; known keys: " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + e.getOriginalMessage());
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    /** Deep merge: objects merge key by key; any other value from the file replaces the default. */
    private static void overlay(ObjectNode target, ObjectNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode sourceObject) {
                overlay(existingObject, sourceObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    /** A configuration that cannot be used; the message says what to fix, in the file's terms. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
