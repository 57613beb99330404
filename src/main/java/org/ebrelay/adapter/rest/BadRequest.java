package org.ebrelay.adapter.rest;

/** A request the API cannot read (400 MalformedRequest, or another 4xx); the message is shown to the caller. */
final class BadRequest extends RuntimeException {
    private final int status;
    private final String error;

    BadRequest(String detail) {
        this(400, "MalformedRequest", detail);
    }

    BadRequest(int status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
