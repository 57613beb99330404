package org.ebrelay.domain.cpa;

import java.util.Optional;

/** MessagingCharacteristics/@syncReplyMode: which replies come back on the HTTP response (SYN-1, SYN-2). */
public enum SyncReplyMode {
    MSH_SIGNALS_ONLY("mshSignalsOnly"),
    SIGNALS_ONLY("signalsOnly"),
    RESPONSE_ONLY("responseOnly"),
    SIGNALS_AND_RESPONSE("signalsAndResponse"),
    /** Every reply is sent asynchronously; messages carry no eb:SyncReply. */
    NONE("none");

    private final String wireName;

    SyncReplyMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether messages on this channel carry eb:SyncReply (SYN-2). */
    public boolean isSynchronous() {
        return this != NONE;
    }

    /** Whether the MSH Acknowledgment comes back on the HTTP response. */
    public boolean returnsAcknowledgmentSynchronously() {
        return this == MSH_SIGNALS_ONLY || this == SIGNALS_ONLY || this == SIGNALS_AND_RESPONSE;
    }

    public static Optional<SyncReplyMode> fromWire(String value) {
        for (SyncReplyMode mode : values()) {
            if (mode.wireName.equals(value == null ? null : value.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
