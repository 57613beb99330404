package org.ebrelay.app;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for what the app layer posts (webhook deliveries, notices), so it needs no JSON library:
 * objects of strings, numbers, lists and nested objects, written in order. Strings are escaped per RFC 8259 §7.
 */
public final class JsonText {
    private final StringBuilder json = new StringBuilder(512);
    private boolean first = true;

    public JsonText() {
        json.append('{');
    }

    public JsonText field(String name, Object value) {
        name(name);
        value(value);
        return this;
    }

    public byte[] bytes() {
        return (json + "}").getBytes(StandardCharsets.UTF_8);
    }

    private void name(String name) {
        json.append(first ? "" : ",");
        first = false;
        string(name);
        json.append(':');
    }

    private void value(Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ",");
                value(list.get(i));
            }
            json.append(']');
        } else if (value instanceof Map<?, ?> map) {
            JsonText nested = new JsonText();
            map.forEach((k, v) -> nested.field(String.valueOf(k), v));
            json.append(nested.json).append('}');
        } else if (value instanceof JsonText nested) {
            json.append(nested.json).append('}');
        } else {
            string(value.toString());
        }
    }

    private void string(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
