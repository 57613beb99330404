package org.ebrelay.domain.message;

import java.util.List;
import java.util.Objects;

/**
 * An ebXML message: its SOAP header blocks, body elements and payloads. Every kind (user message,
 * Acknowledgment, MessageError, StatusRequest, StatusResponse, Ping, Pong) has this one shape, as on the
 * wire; {@link #kind()} tells which it is. Use {@link EbmsMessageBuilder} (or the factories in
 * {@link EbmsMessages}) to make one.
 *
 * @param header         the eb:MessageHeader
 * @param ackRequested   eb:AckRequested, or null
 * @param syncReply      whether eb:SyncReply is present
 * @param messageOrder   eb:MessageOrder, or null
 * @param acknowledgment eb:Acknowledgment, or null
 * @param errorList      eb:ErrorList, or null
 * @param manifest       eb:Manifest, or null when there is no payload
 * @param statusRequest  eb:StatusRequest, or null
 * @param statusResponse eb:StatusResponse, or null
 * @param signed         whether a ds:Signature was present in the SOAP header (set by the decoder;
 *                       the encoder never signs, that is the signing adapter's job)
 * @param payloads       the payload containers in Manifest order, possibly empty
 */
public record EbmsMessage(
        MessageHeader header,
        AckRequested ackRequested,
        boolean syncReply,
        MessageOrder messageOrder,
        Acknowledgment acknowledgment,
        ErrorList errorList,
        Manifest manifest,
        StatusRequest statusRequest,
        StatusResponse statusResponse,
        boolean signed,
        List<Payload> payloads) {

    public EbmsMessage {
        Objects.requireNonNull(header, "header");
        payloads = payloads == null ? List.of() : List.copyOf(payloads);
    }

    public MessageKind kind() {
        return MessageKind.of(header.service(), header.action());
    }

    public MessageId messageId() {
        return header.messageId();
    }

    public boolean isMshServiceMessage() {
        return header.service().isMshService();
    }

    public EbmsMessageBuilder toBuilder() {
        return EbmsMessageBuilder.from(this);
    }
}
