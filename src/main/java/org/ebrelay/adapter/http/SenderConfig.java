package org.ebrelay.adapter.http;

import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.time.Duration;
import java.util.Objects;

/**
 * How the node's one outbound HTTP client behaves.
 *
 * @param connectTimeout            how long to wait for a TCP (and TLS) connection
 * @param maxConnectionsPerEndpoint pooled connections per partner host:port
 * @param maxResponseBytes          largest response body accepted (a synchronous reply); larger is a failure
 * @param idleTimeout               how long an unused pooled connection is kept
 * @param proxy                     an HTTP proxy, or null for direct connections
 * @param tls                       the TLS client configuration (trust, client certificate), or null for the
 *                                  JDK's default trust store and no client certificate
 */
public record SenderConfig(Duration connectTimeout, int maxConnectionsPerEndpoint, int maxResponseBytes,
                           Duration idleTimeout, ProxySettings proxy, SslContextFactory.Client tls) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ENDPOINT = 64;
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(15);

    public SenderConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConnectionsPerEndpoint < 1 || maxResponseBytes < 1) {
            throw new IllegalArgumentException("connection and response limits must be positive");
        }
    }

    public static SenderConfig defaults() {
        return new SenderConfig(DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_CONNECTIONS_PER_ENDPOINT,
                DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_IDLE_TIMEOUT, null, null);
    }

    public SenderConfig withConnectTimeout(Duration timeout) {
        return new SenderConfig(timeout, maxConnectionsPerEndpoint, maxResponseBytes, idleTimeout, proxy, tls);
    }

    public SenderConfig withMaxResponseBytes(int max) {
        return new SenderConfig(connectTimeout, maxConnectionsPerEndpoint, max, idleTimeout, proxy, tls);
    }

    public SenderConfig withProxy(ProxySettings newProxy) {
        return new SenderConfig(connectTimeout, maxConnectionsPerEndpoint, maxResponseBytes, idleTimeout, newProxy,
                tls);
    }

    public SenderConfig withTls(SslContextFactory.Client newTls) {
        return new SenderConfig(connectTimeout, maxConnectionsPerEndpoint, maxResponseBytes, idleTimeout, proxy,
                newTls);
    }
}
