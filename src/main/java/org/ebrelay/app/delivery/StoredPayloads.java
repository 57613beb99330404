package org.ebrelay.app.delivery;

import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.Payload;

import java.util.List;
import java.util.Optional;

/** Reads the payloads of a received message back from its stored wire bytes, in Manifest order. */
final class StoredPayloads {
    private final MessageCodec codec;

    StoredPayloads(MessageCodec codec) {
        this.codec = codec;
    }

    /** The payloads, or empty when the stored bytes no longer decode (they did when received: a store problem). */
    Optional<List<Payload>> of(WireBytes wire) {
        return message(wire).map(EbmsMessage::payloads);
    }

    /** The whole message, or empty when the stored bytes no longer decode. */
    Optional<EbmsMessage> message(WireBytes wire) {
        Decoded decoded = codec.decode(new WireMessage(wire.contentType(), WireMessage.EBXML_SOAP_ACTION, wire.body()));
        return Optional.ofNullable(decoded.message());
    }
}
