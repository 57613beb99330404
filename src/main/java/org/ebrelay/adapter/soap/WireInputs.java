package org.ebrelay.adapter.soap;

/** Reads a stored message in any of the three forms inspect accepts. STUB: the codec work replaces this file. */
public final class WireInputs {
    private WireInputs() {
    }

    /**
     * An HTTP request dump (request line, headers, body, chunked or not), a raw MIME entity (headers then body,
     * or a body starting at its first boundary) or a bare SOAP XML envelope.
     */
    public static WireMessage read(byte[] raw) {
        throw new UnsupportedOperationException("not yet");
    }
}
