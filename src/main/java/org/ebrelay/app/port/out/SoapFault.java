package org.ebrelay.app.port.out;

import java.util.Objects;

/**
 * A SOAP 1.1 Fault: how SOAP-level problems are answered (no readable MessageHeader, not SOAP 1.1,
 * mustUnderstand not understood), and how some partners answer us (NHS Spine, sample 06).
 *
 * @param faultCode   the local part of faultcode: Client, Server, MustUnderstand or VersionMismatch
 *                    (or whatever a partner sent)
 * @param faultString human-readable text
 * @param detail      the text content of detail, or null
 */
public record SoapFault(String faultCode, String faultString, String detail) {
    public static final String CLIENT = "Client";
    public static final String SERVER = "Server";
    public static final String MUST_UNDERSTAND = "MustUnderstand";
    public static final String VERSION_MISMATCH = "VersionMismatch";

    public SoapFault {
        Objects.requireNonNull(faultCode, "faultCode");
        faultString = faultString == null ? "" : faultString;
    }

    public static SoapFault client(String faultString) {
        return new SoapFault(CLIENT, faultString, null);
    }
}
