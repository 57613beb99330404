package org.ebrelay.app.port.out;

import java.util.List;
import org.ebrelay.domain.message.SignatureReference;

/**
 * What checking a received message's signature found.
 *
 * @param signed     whether the SOAP header carries a ds:Signature
 * @param failure    why the message fails (SecurityFailure), or null when it passes
 * @param location   where the failure is, as an XPath such as {@code //Header/Signature}, or null
 * @param references the signature's ds:References (copied into a signed Acknowledgment), empty when unsigned
 */
public record SignatureCheck(boolean signed, String failure, String location, List<SignatureReference> references) {
    public static final SignatureCheck UNSIGNED = new SignatureCheck(false, null, null, List.of());

    public SignatureCheck {
        references = List.copyOf(references);
    }

    public static SignatureCheck failed(boolean signed, String location, String failure) {
        return new SignatureCheck(signed, failure, location, List.of());
    }

    public boolean passed() {
        return failure == null;
    }
}
