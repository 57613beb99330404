package org.ebrelay.adapter.http;

import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.time.Duration;
import java.util.Objects;

/**
 * How the node's one HTTP server listens.
 *
 * @param host             the interface to bind (main and admin listener)
 * @param port             the main port (/ebms, /health, and the API unless an admin port is set); 0 = ephemeral
 * @param adminPort        when not null, /api, /soap and /metrics move to this port (0 = ephemeral)
 * @param maxEbmsBodyBytes largest /ebms request body accepted; larger ones get 413 without being buffered
 * @param maxThreads       size of the request thread pool (the ebMS endpoint may block on commits)
 * @param idleTimeout      how long an idle connection is kept
 * @param tls              when not null, the main port speaks TLS with this factory (the security issue
 *                         configures it, including whether client certificates are wanted)
 * @param adminHost        the interface the admin listener binds (loopback unless configured otherwise)
 */
public record WebServerConfig(String host, int port, Integer adminPort, int maxEbmsBodyBytes, int maxThreads,
                              Duration idleTimeout, SslContextFactory.Server tls, String adminHost) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** 16 MiB: HL7 payloads are small; the body is held in memory while the endpoint works on it. */
    public static final int DEFAULT_MAX_EBMS_BODY_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_THREADS = 200;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public WebServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(adminHost, "adminHost");
        checkPort(port);
        if (adminPort != null) {
            checkPort(adminPort);
            if (adminPort == port && port != 0) {
                throw new IllegalArgumentException("the admin port must differ from the main port: " + port);
            }
        }
        if (maxEbmsBodyBytes < 1) {
            throw new IllegalArgumentException("maxEbmsBodyBytes must be positive: " + maxEbmsBodyBytes);
        }
        if (maxThreads < 8) {
            throw new IllegalArgumentException("maxThreads below 8 starves Jetty's selectors: " + maxThreads);
        }
    }

    /** 127.0.0.1:8080, no admin port, plain HTTP. */
    public static WebServerConfig defaults() {
        return new WebServerConfig(DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_MAX_EBMS_BODY_BYTES,
                DEFAULT_MAX_THREADS, DEFAULT_IDLE_TIMEOUT, null, DEFAULT_HOST);
    }

    public WebServerConfig withHost(String newHost) {
        return new WebServerConfig(newHost, port, adminPort, maxEbmsBodyBytes, maxThreads, idleTimeout, tls, adminHost);
    }

    public WebServerConfig withPort(int newPort) {
        return new WebServerConfig(host, newPort, adminPort, maxEbmsBodyBytes, maxThreads, idleTimeout, tls, adminHost);
    }

    public WebServerConfig withAdminPort(Integer newAdminPort) {
        return new WebServerConfig(host, port, newAdminPort, maxEbmsBodyBytes, maxThreads, idleTimeout, tls, adminHost);
    }

    public WebServerConfig withMaxEbmsBodyBytes(int max) {
        return new WebServerConfig(host, port, adminPort, max, maxThreads, idleTimeout, tls, adminHost);
    }

    public WebServerConfig withMaxThreads(int threads) {
        return new WebServerConfig(host, port, adminPort, maxEbmsBodyBytes, threads, idleTimeout, tls, adminHost);
    }

    public WebServerConfig withTls(SslContextFactory.Server newTls) {
        return new WebServerConfig(host, port, adminPort, maxEbmsBodyBytes, maxThreads, idleTimeout, newTls, adminHost);
    }

    public WebServerConfig withAdminHost(String newAdminHost) {
        return new WebServerConfig(host, port, adminPort, maxEbmsBodyBytes, maxThreads, idleTimeout, tls,
                newAdminHost);
    }

    private static void checkPort(int p) {
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + p);
        }
    }
}
