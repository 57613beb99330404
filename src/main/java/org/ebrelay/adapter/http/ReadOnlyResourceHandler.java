package org.ebrelay.adapter.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.function.Supplier;

/** A GET-only resource rendered on each request: /health and /metrics. */
final class ReadOnlyResourceHandler extends Handler.Abstract {
    /** One rendering: the status to answer and the bytes of the body. */
    record Rendered(int status, byte[] body) {
    }

    private final String contentType;
    private final Supplier<Rendered> renderer;

    ReadOnlyResourceHandler(String contentType, Supplier<Rendered> renderer) {
        super(InvocationType.BLOCKING);
        this.contentType = contentType;
        this.renderer = renderer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        Rendered rendered = renderer.get();
        response.setStatus(rendered.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, rendered.body().length);
        boolean head = "HEAD".equals(method);
        response.write(true, head ? null : ByteBuffer.wrap(rendered.body()), callback);
        return true;
    }
}
