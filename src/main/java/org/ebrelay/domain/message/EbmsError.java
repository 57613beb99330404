package org.ebrelay.domain.message;

import java.util.Objects;
import java.util.Optional;

/**
 * One eb:Error: what a receiver reports about a message, or what we find wrong with one.
 * Partners may use their own codeContext and codes (NHS Spine does), so the code is kept as text.
 *
 * @param codeContext the eb:codeContext URI ({@link ErrorCode#CODE_CONTEXT} by default)
 * @param errorCode   the eb:errorCode
 * @param severity    Warning or Error
 * @param location    XPath or cid: of the faulty item, or null
 * @param description human-readable text, or null
 */
public record EbmsError(String codeContext, String errorCode, Severity severity, String location, String description) {
    public EbmsError {
        codeContext = codeContext == null || codeContext.isBlank() ? ErrorCode.CODE_CONTEXT : codeContext;
        Text.nonBlank(errorCode, "errorCode");
        Objects.requireNonNull(severity, "severity");
        location = Text.blankToNull(location);
    }

    public static EbmsError error(ErrorCode code, String location, String description) {
        return new EbmsError(ErrorCode.CODE_CONTEXT, code.wireName(), Severity.ERROR, location, description);
    }

    public static EbmsError warning(ErrorCode code, String location, String description) {
        return new EbmsError(ErrorCode.CODE_CONTEXT, code.wireName(), Severity.WARNING, location, description);
    }

    /** The standard code, when this error uses the default codeContext and one of its codes. */
    public Optional<ErrorCode> knownCode() {
        return ErrorCode.CODE_CONTEXT.equals(codeContext) ? ErrorCode.fromWire(errorCode) : Optional.empty();
    }

    public boolean is(ErrorCode code) {
        return knownCode().map(code::equals).orElse(false);
    }
}
