package org.ebrelay.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A client of the bank's API with its own cookie jar, like one browser: signs in, sends the CSRF token. */
final class PortalClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    final URI base;
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    String csrf;

    PortalClient(URI base) {
        this.base = base;
    }

    static PortalClient signedIn(URI base, String name) throws Exception {
        return signedIn(base, name, PortalAccessTest.PASSWORD);
    }

    static PortalClient signedIn(URI base, String name, String password) throws Exception {
        PortalClient client = new PortalClient(base);
        HttpResponse<String> answer = client.signIn(name, password);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return client;
    }

    HttpResponse<String> signIn(String name, String password) throws Exception {
        HttpResponse<String> answer = post("/bank/api/session",
                "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}", false);
        if (answer.statusCode() == 200) {
            csrf = JSON.readTree(answer.body()).path("csrfToken").asText();
        }
        return answer;
    }

    String cookie() {
        return cookies.getCookieStore().getCookies().get(0).toString();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).DELETE().header("X-CSRF-Token", csrf).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json, boolean withCsrf) throws Exception {
        return post(path, json, withCsrf, Map.of());
    }

    HttpResponse<String> post(String path, String json, boolean withCsrf, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (withCsrf && !headers.containsKey("X-CSRF-Token")) {
            request.header("X-CSRF-Token", csrf);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
