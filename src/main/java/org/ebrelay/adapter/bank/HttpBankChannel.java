package org.ebrelay.adapter.bank;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.List;
import org.ebrelay.adapter.rest.ApiJson;
import org.ebrelay.app.bank.BankChannel;
import org.ebrelay.app.bank.CpaReport;
import org.ebrelay.app.bank.FeedBatch;
import org.ebrelay.app.bank.NodeHello;
import org.ebrelay.app.bank.WorkItem;
import org.ebrelay.app.bank.WorkOutcome;

/**
 * The node channel to a standalone bank over HTTP ({@code <bank>/bank/api/...}): the node calls, the bank answers.
 * A batch a few times a second is not the hot path, so the JDK client is enough here.
 *
 * @param token sent as {@code Authorization: Bearer} when not null (the bank's node credential)
 */
public final class HttpBankChannel implements BankChannel {
    private final URI base;
    private final String token;
    private final Duration timeout;
    private final HttpClient client;
    /** Null fields are left out, so a node alone sends what a bank of the release before reads (no cluster fields). */
    private final ObjectMapper json = ApiJson.mapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    public HttpBankChannel(URI bankUrl, String token, Duration timeout) {
        String text = bankUrl.toString();
        this.base = URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + "/bank/api/");
        this.token = token;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public long hello(String node, NodeHello hello) {
        return call("POST", "nodes/" + encode(node) + "/hello", hello).path("lastSequence").asLong();
    }

    @Override
    public long feed(FeedBatch batch) {
        return call("POST", "feed", batch).path("lastSequence").asLong();
    }

    @Override
    public List<WorkItem> work(String node, int limit) {
        JsonNode answer = call("GET", "nodes/" + encode(node) + "/work?limit=" + limit, null);
        return json.convertValue(answer, new TypeReference<List<WorkItem>>() { });
    }

    @Override
    public void cpas(String node, List<CpaReport> cpas) {
        call("POST", "nodes/" + encode(node) + "/cpas", cpas);
    }

    @Override
    public void report(String node, long requestId, WorkOutcome outcome) {
        call("POST", "nodes/" + encode(node) + "/work/" + requestId, outcome);
    }

    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                    .header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new BankUnavailable("the bank answered " + response.statusCode() + " to " + method + " " + path
                        + ": " + new String(response.body(), StandardCharsets.UTF_8), null);
            }
            return response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new BankUnavailable("the bank at " + base + " is not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BankUnavailable("interrupted", e);
        }
    }

    private static String encode(String node) {
        return URLEncoder.encode(node, StandardCharsets.UTF_8);
    }
}
