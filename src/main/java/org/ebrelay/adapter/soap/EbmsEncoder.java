package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.SoapFault;

import org.ebrelay.app.port.out.WireMessage;

import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.Payload;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Encodes ebXML messages and SOAP Faults for the wire. A message with payloads becomes a multipart/related
 * Message Package (PKG-1..4); one without payloads a bare text/xml envelope (PKG-7). Output is valid against
 * the SOAP 1.1 envelope and ebMS 2.0 header schemas. A value the model should never carry (characters illegal
 * in XML 1.0, a Manifest cid: naming no payload, CR/LF in a MIME header value) is refused with an
 * {@link IllegalArgumentException}. Thread-safe and stateless; written without SAAJ or DOM because it sits
 * on the hot path (a few microseconds per message).
 */
public final class EbmsEncoder {
    /** Content-Type of a bare SOAP envelope. */
    public static final String TEXT_XML_UTF8 = "text/xml; charset=UTF-8";

    private final Supplier<String> tokens;

    public EbmsEncoder() {
        this(EbmsEncoder::randomToken);
    }

    /** @param tokens where MIME boundaries and the SOAP part's Content-ID get their unique part (tests script it) */
    EbmsEncoder(Supplier<String> tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The message as it goes on the wire, with SOAPAction {@code "ebXML"}. */
    public WireMessage encode(EbmsMessage message) {
        return packaged(envelope(message), message.payloads());
    }

    /**
     * Only the SOAP envelope (the Header Container) of {@code message}, as UTF-8 bytes: what a signer signs
     * before {@link #packaged} wraps it with the payloads.
     */
    public byte[] envelope(EbmsMessage message) {
        Objects.requireNonNull(message, "message");
        return EnvelopeWriter.write(message);
    }

    /** Wraps an envelope and its payloads: text/xml when there are none, else multipart/related. */
    public WireMessage packaged(byte[] envelope, List<Payload> payloads) {
        Objects.requireNonNull(envelope, "envelope");
        if (payloads.isEmpty()) {
            return new WireMessage(TEXT_XML_UTF8, WireMessage.EBXML_SOAP_ACTION, envelope);
        }
        return MultipartWriter.write(envelope, payloads, tokens);
    }

    /** A SOAP 1.1 Fault envelope (ERR-6, HTTP-5), text/xml, with no SOAPAction. */
    public WireMessage encodeFault(SoapFault fault) {
        Objects.requireNonNull(fault, "fault");
        return new WireMessage(TEXT_XML_UTF8, null, FaultWriter.write(fault));
    }

    /** 128 random bits as 32 hex digits: unique enough for boundaries, and checked against the content anyway. */
    private static String randomToken() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String high = Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        String low = Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        return high + low;
    }
}
