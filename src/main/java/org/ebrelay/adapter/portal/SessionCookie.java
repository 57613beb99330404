package org.ebrelay.adapter.portal;

import jakarta.ws.rs.core.Cookie;

import java.util.Map;

/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (other sites' pages do not send it),
 * Secure when the portal is reached over HTTPS, scoped to {@code /bank}. No Max-Age: the server decides when a
 * session ends, and a closed browser forgets it.
 */
public final class SessionCookie {
    public static final String NAME = "ebrelay_bank_session";
    static final String PATH = "/bank";

    private SessionCookie() {
    }

    /** The Set-Cookie header value (written by hand: CXF's cookie writer leaves SameSite out). */
    static String issue(String token, boolean secure) {
        return NAME + "=" + token + attributes(secure);
    }

    /** Tells the browser to forget the cookie. */
    static String expire(boolean secure) {
        return NAME + "=" + attributes(secure) + "; Max-Age=0";
    }

    /** The token the request carries, or null. */
    static String token(Map<String, Cookie> cookies) {
        Cookie cookie = cookies.get(NAME);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    private static String attributes(boolean secure) {
        return "; Path=" + PATH + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
