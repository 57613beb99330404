package org.ebrelay.adapter.rest;

import org.ebrelay.app.AccessCheck;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jetty handler of {@code POST /api/messages} (the node's web server routes that one operation here, every
 * other API call to CXF). It asks the same {@link AccessCheck} as {@link BearerTokenFilter}, with the same
 * operation name, and answers in the same JSON forms as the rest of the API.
 */
public final class SubmissionHandler extends Handler.Abstract {
    /** The operation as {@link AccessCheck} and the OpenAPI document name it. */
    public static final String OPERATION = "POST /messages";
    /** The path this handler serves on the node's web server. */
    public static final String PATH = "/api/messages";

    private final SubmissionEndpoint endpoint;
    private final AccessCheck accessCheck;

    SubmissionHandler(SubmissionEndpoint endpoint, AccessCheck accessCheck) {
        super(InvocationType.BLOCKING); // reads the body and waits for the durable commit
        this.endpoint = endpoint;
        this.accessCheck = accessCheck;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String token = BearerTokenFilter.bearerToken(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        SubmissionEndpoint.Reply reply;
        AccessRefusal refusal = AccessRefusal.of(accessCheck.decide(token, OPERATION), token, OPERATION);
        if (refusal != null) {
            if (refusal.asksForBearer()) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            }
            reply = endpoint.refused(refusal);
        } else {
            try (InputStream body = Request.asInputStream(request)) {
                reply = endpoint.submit(request.getHeaders().get(HttpHeader.CONTENT_TYPE), query(request), body);
            }
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (reply.messageId() != null) {
            response.getHeaders().put(HttpHeader.LOCATION, location(request.getHttpURI(), reply.messageId()));
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    private static Map<String, List<String>> query(Request request) {
        Fields fields = Request.extractQueryParameters(request);
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            query.put(field.getName(), field.getValues());
        }
        return query;
    }

    /** {@code scheme://authority/api/messages/ID}, the id quoted where a path needs it. */
    private static String location(HttpURI uri, String messageId) {
        try {
            return new URI(uri.getScheme(), uri.getAuthority(), PATH + "/" + messageId, null, null).toASCIIString();
        } catch (URISyntaxException e) {
            return PATH + "/" + messageId;
        }
    }
}
