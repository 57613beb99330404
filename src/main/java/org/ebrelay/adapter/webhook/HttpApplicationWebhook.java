package org.ebrelay.adapter.webhook;

import org.ebrelay.app.port.out.ApplicationWebhook;
import org.ebrelay.app.port.out.WebhookResult;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Posts webhook pushes with the JDK HttpClient: off the hot path (one post per delivery to a local application),
 * so the simple client is enough. Redirects are not followed (a push is a POST; a redirect is a misconfiguration
 * to see, not to follow).
 */
public final class HttpApplicationWebhook implements ApplicationWebhook {
    private final HttpClient client;
    private final Duration requestTimeout;

    /**
     * @param connectTimeout how long to wait for the connection
     * @param requestTimeout how long to wait for the application's answer
     */
    public HttpApplicationWebhook(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public WebhookResult post(URI url, byte[] json) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return WebhookResult.answered(response.statusCode());
        } catch (HttpTimeoutException e) {
            return WebhookResult.noAnswer("no answer within the timeout (" + e.getMessage() + ")");
        } catch (IOException e) {
            return WebhookResult.noAnswer("cannot reach the webhook: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WebhookResult.noAnswer("interrupted while pushing");
        } catch (IllegalArgumentException e) {
            return WebhookResult.noAnswer("unusable webhook URL: " + e.getMessage());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
