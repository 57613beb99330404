package org.ebrelay.adapter.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP proxy for outbound ebMS traffic (plain HTTP is forwarded, HTTPS is tunnelled with CONNECT).
 *
 * @param host          the proxy's host
 * @param port          the proxy's port
 * @param nonProxyHosts hosts reached directly, matched case-insensitively; a leading or trailing {@code *}
 *                      is a wildcard, as in Java's {@code http.nonProxyHosts} ({@code *.local}, {@code 10.*})
 */
public record ProxySettings(String host, int port, List<String> nonProxyHosts) {
    public ProxySettings {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a proxy port: " + port);
        }
        nonProxyHosts = List.copyOf(nonProxyHosts);
    }

    /** Whether a request to {@code targetHost} bypasses the proxy. */
    public boolean bypasses(String targetHost) {
        String target = stripBrackets(targetHost).toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts) {
            if (matches(stripBrackets(pattern.trim()).toLowerCase(Locale.ROOT), target)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String target) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.startsWith("*")) {
            return target.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return target.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return target.equals(pattern);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
