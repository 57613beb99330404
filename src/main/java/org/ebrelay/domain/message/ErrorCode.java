package org.ebrelay.domain.message;

import java.util.Optional;

/** The ebMS 2.0 error codes of the default codeContext (ebMS 2.0 section 4.2.3.4). */
public enum ErrorCode {
    VALUE_NOT_RECOGNIZED("ValueNotRecognized"),
    NOT_SUPPORTED("NotSupported"),
    INCONSISTENT("Inconsistent"),
    OTHER_XML("OtherXml"),
    DELIVERY_FAILURE("DeliveryFailure"),
    TIME_TO_LIVE_EXPIRED("TimeToLiveExpired"),
    SECURITY_FAILURE("SecurityFailure"),
    MIME_PROBLEM("MimeProblem"),
    UNKNOWN("Unknown");

    /** The codeContext these codes belong to. */
    public static final String CODE_CONTEXT = "urn:oasis:names:tc:ebxml-msg:service:errors";

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ErrorCode> fromWire(String value) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(value)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
