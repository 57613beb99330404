package org.ebrelay.adapter.soap;

/** Decodes ebXML messages from the wire. STUB: the codec work replaces this file. */
public final class EbmsDecoder {
    /** Never throws for bad input: every problem is reported in the result. */
    public Decoded decode(WireMessage wire) {
        throw new UnsupportedOperationException("not yet");
    }
}
