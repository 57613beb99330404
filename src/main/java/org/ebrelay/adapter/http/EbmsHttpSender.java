package org.ebrelay.adapter.http;

import org.ebrelay.app.port.out.PartnerTransport;
import org.ebrelay.app.port.out.SendOutcome;

import org.ebrelay.app.port.out.WireMessage;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Posts ebMS messages to partners over Jetty's HttpClient: one client per node, pooled HTTP/1.1 connections,
 * redirects not followed, no retries of its own (the reliability layer owns the attempt count, RM-S7), and
 * every outcome classified by {@link SendOutcomeClassifier}. The returned futures complete on the client's
 * threads: dependent stages must not block.
 */
public final class EbmsHttpSender implements PartnerTransport, AutoCloseable {
    private static final String SOAP_ACTION = "SOAPAction";

    private final SenderConfig config;
    private final HttpClient client;

    public EbmsHttpSender(SenderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(config.tls() != null ? config.tls() : new SslContextFactory.Client());
        connector.setConnectTimeout(config.connectTimeout());
        QueuedThreadPool pool = new QueuedThreadPool(200, 4);
        pool.setName("ebrelay-sender");
        client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(pool);
        client.setFollowRedirects(false);
        client.setConnectTimeout(config.connectTimeout().toMillis());
        client.setIdleTimeout(config.idleTimeout().toMillis());
        client.setMaxConnectionsPerDestination(config.maxConnectionsPerEndpoint());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "ebrelay"));
        if (config.proxy() != null) {
            client.getProxyConfiguration().addProxy(proxy(config.proxy()));
        }
    }

    public void start() throws Exception {
        client.start();
        // Bytes in, bytes out: no Accept-Encoding, so partners answer identity-encoded bodies. start()
        // installs the decoders found on the class path, so they are removed after it.
        client.getContentDecoderFactories().clear();
    }

    public void stop() throws Exception {
        client.stop();
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /**
     * POSTs {@code message} (its Content-Type and SOAPAction as headers, its body as the entity) to
     * {@code endpoint}. The future never completes exceptionally for transport problems: they are outcomes.
     *
     * @param timeout the whole attempt: connect, send, and the complete response
     * @throws IllegalArgumentException when the endpoint is not an http or https URI
     */
    @Override
    public CompletableFuture<SendOutcome> send(URI endpoint, WireMessage message, Duration timeout) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an HTTP endpoint: " + endpoint);
        }
        Request request = client.newRequest(endpoint)
                .method(HttpMethod.POST)
                .version(HttpVersion.HTTP_1_1)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .body(new BytesRequestContent(message.contentType(), message.body()));
        if (message.soapAction() != null) {
            request.headers(headers -> headers.put(SOAP_ACTION, message.soapAction()));
        }
        CompletableFuture<SendOutcome> outcome = new CompletableFuture<>();
        request.send(new BufferingResponseListener(config.maxResponseBytes()) {
            @Override
            public void onComplete(Result result) {
                try {
                    outcome.complete(classify(result, getContent()));
                } catch (Throwable e) { // a bug must fail the future, not leave it pending
                    outcome.completeExceptionally(e);
                }
            }
        });
        return outcome;
    }

    private static SendOutcome classify(Result result, byte[] content) {
        Response response = result.getResponse();
        // A complete response counts even if sending failed (a server may answer 413 before reading it all).
        if (result.getResponseFailure() == null && response != null && response.getStatus() > 0) {
            WireMessage body = content == null || content.length == 0 ? null
                    : new WireMessage(response.getHeaders().get(HttpHeader.CONTENT_TYPE),
                    response.getHeaders().get(SOAP_ACTION), content);
            return SendOutcomeClassifier.ofResponse(response.getStatus(), body);
        }
        return SendOutcomeClassifier.ofFailure(result.getFailure());
    }

    private static HttpProxy proxy(ProxySettings settings) {
        return new HttpProxy(new Origin.Address(settings.host(), settings.port()), false) {
            @Override
            public boolean matches(Origin origin) {
                return !settings.bypasses(origin.getAddress().getHost());
            }
        };
    }
}
