package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small client of a node's REST API for the CLI (the JDK HttpClient: the CLI is not on the hot path). Sends the
 * bearer token when there is one. A node that cannot be reached is a {@link Unreachable}, not a reply.
 */
final class NodeClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json;
    private final String apiBase;
    private final String token;
    private final Duration timeout;

    /** @param node the node's base URL, e.g. {@code http://127.0.0.1:8080}; the API is under {@code /api} */
    NodeClient(URI node, String token, Duration timeout, ObjectMapper json) {
        String base = node.toString();
        this.apiBase = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api";
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.timeout = timeout;
        this.json = json;
    }

    /** The node's answer: its HTTP status and JSON body (an object with error/detail when the body was not JSON). */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The node could not be reached (refused, timed out, a gateway in front of it could not reach it). */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    Reply postJson(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request", e);
        }
    }

    Reply post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Percent-encodes one path segment or query value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(apiBase + pathAndQuery))
                .timeout(timeout).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unreachable("cannot reach the node at " + apiBase + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while waiting for the node at " + apiBase, e);
        }
        int status = response.statusCode();
        if (status == 502 || status == 503 || status == 504) {
            throw new Unreachable("the node at " + apiBase + " is not available (HTTP " + status + ")", null);
        }
        return new Reply(status, body(response));
    }

    private JsonNode body(HttpResponse<byte[]> response) {
        try {
            JsonNode node = json.readTree(response.body());
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (IOException e) {
            // not JSON (a proxy's page, an old node): described below
        }
        return JsonNodeFactory.instance.objectNode()
                .put("error", "HttpError" + response.statusCode())
                .put("detail", "the node answered HTTP " + response.statusCode() + " without a JSON body");
    }

    private String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
