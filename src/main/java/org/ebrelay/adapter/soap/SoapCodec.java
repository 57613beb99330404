package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;

/** The StAX/MIME codec behind the {@link MessageCodec} port. */
public final class SoapCodec implements MessageCodec {
    private final EbmsDecoder decoder;
    private final EbmsEncoder encoder = new EbmsEncoder();

    public SoapCodec(EbmsDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Decoded decode(WireMessage wire) {
        return decoder.decode(wire);
    }

    @Override
    public WireMessage encode(EbmsMessage message) {
        return encoder.encode(message);
    }

    @Override
    public WireMessage encodeFault(SoapFault fault) {
        return encoder.encodeFault(fault);
    }
}
