package org.ebrelay.adapter.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Headers every API answer carries (/api, /soap, /metrics): they hold patient data and operator actions, so no
 * caching, no content sniffing, no framing, no referrer, and no script or resource loading if a browser renders
 * one; over HTTPS, browsers are told to stay on HTTPS.
 */
final class SecureHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecureHeaders() {
    }

    static void add(Request request, Response response) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "no-referrer");
        if (request.isSecure()) {
            headers.put("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
