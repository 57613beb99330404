package org.ebrelay.adapter.soapapi;

/**
 * A refusal that becomes a SOAP Fault with an {@code ApiFault} detail.
 *
 * @param clientFault true for soap:Client (the request is at fault), false for soap:Server
 */
final class ApiFault extends RuntimeException {
    private final String error;
    private final boolean clientFault;

    ApiFault(String error, String detail, boolean clientFault) {
        super(detail, null, false, false);
        this.error = error;
        this.clientFault = clientFault;
    }

    static ApiFault malformed(String detail) {
        return new ApiFault("MalformedRequest", detail, true);
    }

    String error() {
        return error;
    }

    String detail() {
        return getMessage();
    }

    boolean clientFault() {
        return clientFault;
    }
}
