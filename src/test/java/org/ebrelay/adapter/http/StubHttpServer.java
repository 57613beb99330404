package org.ebrelay.adapter.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real Jetty server on a loopback ephemeral port that records every request and answers with whatever the
 * test scripted, headers included (a partner's HTTP endpoint, or a proxy).
 */
final class StubHttpServer implements AutoCloseable {
    record Recorded(String method, String uri, HttpFields headers, byte[] body) {
    }

    record Canned(int status, Map<String, String> headers, byte[] body) {
        static Canned of(int status) {
            return new Canned(status, Map.of(), new byte[0]);
        }

        static Canned of(int status, String contentType, byte[] body) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", contentType);
            return new Canned(status, headers, body);
        }
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Canned> responder = r -> Canned.of(204);

    StubHttpServer() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                byte[] body = Content.Source.asInputStream(request).readAllBytes();
                Recorded recorded = new Recorded(request.getMethod(), request.getHttpURI().toString(),
                        HttpFields.build(request.getHeaders()).asImmutable(), body);
                requests.add(recorded);
                Canned canned = responder.apply(recorded);
                response.setStatus(canned.status());
                canned.headers().forEach((name, value) -> response.getHeaders().put(name, value));
                response.write(true, ByteBuffer.wrap(canned.body()), callback);
                return true;
            }
        });
        server.start();
    }

    void answer(Function<Recorded, Canned> newResponder) {
        this.responder = newResponder;
    }

    void answer(Canned canned) {
        answer(r -> canned);
    }

    List<Recorded> requests() {
        return requests;
    }

    int port() {
        return connector.getLocalPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
