package org.ebrelay.adapter.portal;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

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

    static NewCookie issue(String token, boolean secure) {
        return base(token, secure).build();
    }

    /** Tells the browser to forget the cookie. */
    static NewCookie expire(boolean secure) {
        return base("", secure).maxAge(0).build();
    }

    /** The token the request carries, or null. */
    static String token(Map<String, Cookie> cookies) {
        Cookie cookie = cookies.get(NAME);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    private static NewCookie.Builder base(String value, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path(PATH).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
