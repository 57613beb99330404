package org.ebrelay.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node's REST API as an application uses it (for nodes running in other processes). */
final class RestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RestClient(URI baseUri) {
        this.baseUri = baseUri;
    }

    /**
     * Submits an ER7 message; the messageId when the node answered 202 (stored durably), empty when no answer
     * came (the node died, or was never there): then the message may or may not have been stored.
     */
    Optional<String> submit(String action, String to, Hl7Messages.Er7 message) {
        try {
            String body = JSON.writeValueAsString(Map.of("cpaId", DemoCpa.CPA_ID, "action", action, "to", to,
                    "payloads", List.of(Map.of("contentType", "application/hl7-v2",
                            "content", Base64.getEncoder().encodeToString(message.bytes())))));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUri + "/api/messages"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new AssertionError("submission refused: HTTP " + response.statusCode() + " " + response.body());
            }
            return Optional.of(JSON.readTree(response.body()).path("messageId").asText());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The messages known by this ebXML or HL7 id. */
    List<JsonNode> messages(String id) {
        return list(get("/api/messages?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)).path("messages"));
    }

    /** The messages in this state (at most 1000). */
    List<JsonNode> messagesInState(String state) {
        return list(get("/api/messages?state=" + state + "&limit=1000").path("messages"));
    }

    /** Every delivery, confirmed or not. */
    List<JsonNode> inbox() {
        return list(get("/api/inbox?all=true").path("deliveries"));
    }

    /** One delivery with its payload content (base64 in {@code payloads[].content}). */
    JsonNode delivery(String deliveryId) {
        return get("/api/inbox/" + URLEncoder.encode(deliveryId, StandardCharsets.UTF_8));
    }

    /** The unconfirmed notices about messages sent from {@code party} (every one with {@code all}). */
    List<JsonNode> notices(String party, boolean all) {
        return list(get("/api/notices?all=" + all + "&party=" + URLEncoder.encode(party, StandardCharsets.UTF_8))
                .path("notices"));
    }

    private JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + pathAndQuery + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
