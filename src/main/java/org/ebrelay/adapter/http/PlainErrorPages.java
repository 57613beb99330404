package org.ebrelay.adapter.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Jetty's error pages as plain text whatever the client's Accept header says: ebMS peers and scripts parse
 * these, and an HTML page in an ebMS exchange is a known interoperability trap (issue: "never an HTML error
 * page"). One variant for the server, one for the servlet context that hosts CXF.
 */
final class PlainErrorPages {
    private static final String TEXT_PLAIN = "text/plain";
    private static final List<Charset> UTF8 = List.of(StandardCharsets.UTF_8);

    private PlainErrorPages() {
    }

    /** 4xx messages explain the client's mistake; 5xx messages would leak internals: use the reason phrase. */
    static String safeMessage(int code, String message) {
        return code >= 500 ? HttpStatus.getMessage(code) : message;
    }

    /** For the server: 404 of unknown paths, 405/413 of the lean handlers, 400 of malformed requests. */
    static final class Core extends ErrorHandler {
        Core() {
            setShowStacks(false);
            setShowCauses(false);
            setDefaultResponseMimeType(TEXT_PLAIN);
        }

        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                     String contentType, List<Charset> charsets, int code,
                                                     String message, Throwable cause) throws IOException {
            return super.generateAcceptableResponse(request, response, callback, TEXT_PLAIN, UTF8, code,
                    safeMessage(code, message), null);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.TEXT_PLAIN_UTF_8.asString());
            return ByteBuffer.wrap(("Bad Message " + status + (reason == null ? "" : ": " + reason) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** For the servlet context hosting CXF (servlet exceptions, container 404/405). */
    static final class Servlet extends org.eclipse.jetty.ee11.servlet.ErrorHandler {
        Servlet() {
            setShowStacks(false);
            setShowCauses(false);
            setDefaultResponseMimeType(TEXT_PLAIN);
        }

        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                     String contentType, List<Charset> charsets, int code,
                                                     String message, Throwable cause) throws IOException {
            return super.generateAcceptableResponse(request, response, callback, TEXT_PLAIN, UTF8, code,
                    safeMessage(code, message), null);
        }
    }
}
