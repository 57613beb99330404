package org.ebrelay.adapter.jdbc;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL JDBC URL whose connections carry the node's id as the setting {@code ebrelay.node_id} (through the
 * driver's {@code options} parameter, which PostgreSQL applies at connection start). The default of
 * {@code message_events.node_id} reads it, so every event records the node that wrote it without a change to the
 * statements that append events. Other URLs are returned unchanged.
 */
public final class NodeTaggedUrl {
    static final String SETTING = "ebrelay.node_id";
    private static final String OPTIONS = "options=";

    private NodeTaggedUrl() {
    }

    public static String of(String jdbcUrl, String nodeId) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            return jdbcUrl;
        }
        String option = "-c " + SETTING + "=" + nodeId.replace("\\", "\\\\").replace(" ", "\\ ");
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return jdbcUrl + "?" + OPTIONS + encode(option);
        }
        String[] parameters = jdbcUrl.substring(query + 1).split("&", -1);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].startsWith(OPTIONS)) {
                String given = URLDecoder.decode(parameters[i].substring(OPTIONS.length()), StandardCharsets.UTF_8);
                parameters[i] = OPTIONS + encode(given + " " + option);
                return jdbcUrl.substring(0, query + 1) + String.join("&", parameters);
            }
        }
        return jdbcUrl + "&" + OPTIONS + encode(option);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
