package org.ebrelay.adapter.http;

import org.ebrelay.app.port.out.WireMessage;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * The ebMS receiving endpoint as a plain Jetty handler: POST only, the body read into memory up to a limit,
 * handed to the {@link EbmsEndpoint} as bytes. No SOAP stack here (STACK.md: CXF costs ~15x a plain handler).
 * Jetty calls it on a pooled thread (blocking invocation type), so the endpoint may block.
 */
final class EbmsHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(EbmsHandler.class);
    static final String SOAP_ACTION = "SOAPAction";
    private static final String FAULT_CONTENT_TYPE = "text/xml; charset=UTF-8";
    private static final byte[] SERVER_FAULT = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<SOAP:Envelope xmlns:SOAP=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP:Body><SOAP:Fault>"
            + "<faultcode>SOAP:Server</faultcode>"
            + "<faultstring>Internal error: the message was not processed; send it again later</faultstring>"
            + "</SOAP:Fault></SOAP:Body></SOAP:Envelope>").getBytes(StandardCharsets.UTF_8);

    private final EbmsEndpoint endpoint;
    private final int maxBodyBytes;

    EbmsHandler(EbmsEndpoint endpoint, int maxBodyBytes) {
        this.endpoint = endpoint;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            endpoint.refused("HTTP 405", request.getMethod() + " is not allowed on the ebMS endpoint",
                    transportInfo(request).remoteHost(), request.getLength(), null);
            return true;
        }
        byte[] body;
        try {
            body = readBody(request, maxBodyBytes);
        } catch (BodyTooLarge e) {
            // The rest of the body stays unread: close the connection rather than drain it.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "request body larger than " + maxBodyBytes + " bytes");
            endpoint.refused("HTTP 413", "request body larger than " + maxBodyBytes + " bytes",
                    transportInfo(request).remoteHost(), request.getLength(), null);
            return true;
        } catch (IOException e) {
            LOG.info("ebMS request from {} abandoned: {}", request.getConnectionMetaData().getRemoteSocketAddress(),
                    e.getMessage());
            callback.failed(e); // the peer went away, trickled, or sent broken framing: nothing to answer
            endpoint.refused("dropped", "upload abandoned: " + e.getMessage(), transportInfo(request).remoteHost(),
                    request.getLength(), null);
            return true;
        }
        WireMessage message = new WireMessage(request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                request.getHeaders().get(SOAP_ACTION), body);
        write(response, callback, invokeEndpoint(message, transportInfo(request)));
        return true;
    }

    private HttpReply invokeEndpoint(WireMessage message, TransportInfo info) {
        try {
            HttpReply reply = endpoint.handle(message, info);
            if (reply == null) {
                throw new IllegalStateException("the ebMS endpoint returned no reply");
            }
            return reply;
        } catch (RuntimeException | Error e) {
            LOG.error("ebMS endpoint failed on a {} from {}", message, info.remoteHost(), e);
            return new HttpReply(500, new WireMessage(FAULT_CONTENT_TYPE, null, SERVER_FAULT));
        }
    }

    private static void write(Response response, Callback callback, HttpReply reply) {
        response.setStatus(reply.status());
        WireMessage body = reply.body();
        if (body == null) {
            callback.succeeded();
            return;
        }
        if (body.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
        }
        if (body.soapAction() != null) {
            response.getHeaders().put(SOAP_ACTION, body.soapAction());
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.body().length);
        response.write(true, ByteBuffer.wrap(body.body()), callback);
    }

    /**
     * Reads the whole body (Content-Length or chunked), failing with {@link BodyTooLarge} as soon as it
     * exceeds {@code max} bytes, without buffering the rest.
     */
    static byte[] readBody(Request request, int max) throws IOException {
        long declared = request.getLength();
        if (declared > max) {
            throw new BodyTooLarge();
        }
        InputStream in = Content.Source.asInputStream(request);
        SlowBodyGuard guard = new SlowBodyGuard(System.nanoTime());
        byte[] buf = new byte[declared >= 0 ? (int) declared : Math.min(16 * 1024, max)];
        int size = 0;
        while (true) {
            if (size == buf.length) {
                int next = in.read(); // at capacity: is there more?
                if (next < 0) {
                    return buf;
                }
                if (size >= max) {
                    throw new BodyTooLarge();
                }
                buf = Arrays.copyOf(buf, (int) Math.min(Math.max(2L * size, 1024), max));
                buf[size++] = (byte) next;
            }
            int n = in.read(buf, size, buf.length - size);
            if (n < 0) {
                return Arrays.copyOf(buf, size);
            }
            size += n;
            guard.check(size, System.nanoTime());
        }
    }

    static TransportInfo transportInfo(Request request) {
        X509Certificate[] chain = null;
        if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData ssl) {
            chain = ssl.peerCertificates();
        }
        return new TransportInfo(request.getConnectionMetaData().getRemoteSocketAddress(), request.isSecure(),
                chain == null ? List.of() : List.of(chain));
    }

    /**
     * Slow-loris uploads: a body that, after a grace period, has come in slower than
     * {@link WebServer#MIN_REQUEST_BYTES_PER_SECOND} on average is dropped (each one would hold a thread for as long
     * as the peer likes, since every trickled byte resets the idle timeout). Measured on the monotonic clock.
     */
    static final class SlowBodyGuard {
        static final long GRACE_NANOS = 10_000_000_000L;
        private final long start;

        SlowBodyGuard(long start) {
            this.start = start;
        }

        void check(long bytesSoFar, long now) throws IOException {
            long elapsed = now - start;
            if (elapsed > GRACE_NANOS
                    && bytesSoFar < WebServer.MIN_REQUEST_BYTES_PER_SECOND * (elapsed / 1_000_000_000L)) {
                throw new IOException("request body trickles in at " + bytesSoFar * 1_000_000_000L / elapsed
                        + " bytes/s, below the minimum of " + WebServer.MIN_REQUEST_BYTES_PER_SECOND + ": dropped");
            }
        }
    }

    /** The body exceeds the configured maximum. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body too large");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // control flow, not a fault: no stack trace to pay for
        }
    }
}
