package org.ebrelay.adapter.http;

import org.ebrelay.app.port.out.WireMessage;

/**
 * The HTTP answer to an ebMS POST.
 *
 * @param status the HTTP status (204 for an asynchronous receipt, 200 with a synchronous reply, 500 for a
 *               SOAP Fault: ebMS 2.0 digest HTTP-3..HTTP-5)
 * @param body   the reply written with its Content-Type (and SOAPAction when set); null for no body
 */
public record HttpReply(int status, WireMessage body) {
    public HttpReply {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("not a final HTTP status: " + status);
        }
        if (status == 204 && body != null) {
            throw new IllegalArgumentException("a 204 carries no body");
        }
    }

    /** 204 No Content: the asynchronous "received" answer (HTTP-3). */
    public static HttpReply noContent() {
        return new HttpReply(204, null);
    }

    /** 200 with a synchronous ebXML reply in the body (HTTP-4). */
    public static HttpReply ok(WireMessage body) {
        return new HttpReply(200, body);
    }
}
