package org.ebrelay.domain.message;

import java.util.Optional;

/** The SOAP actors ebMS 2.0 uses, with their URIs. */
public enum Actor {
    TO_PARTY_MSH("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"),
    NEXT_MSH("urn:oasis:names:tc:ebxml-msg:actor:nextMSH"),
    /** The SOAP 1.1 "next" actor, which eb:SyncReply always carries. */
    SOAP_NEXT("http://schemas.xmlsoap.org/soap/actor/next");

    private final String uri;

    Actor(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    public static Optional<Actor> fromUri(String uri) {
        for (Actor actor : values()) {
            if (actor.uri.equals(uri == null ? null : uri.trim())) {
                return Optional.of(actor);
            }
        }
        return Optional.empty();
    }
}
