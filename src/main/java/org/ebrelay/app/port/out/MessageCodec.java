package org.ebrelay.app.port.out;

import org.ebrelay.domain.message.EbmsMessage;

/** Turns ebXML messages into wire bytes and back. */
public interface MessageCodec {
    /** Never throws for bad input: every problem is in the result. */
    Decoded decode(WireMessage wire);

    WireMessage encode(EbmsMessage message);

    WireMessage encodeFault(SoapFault fault);
}
