package org.ebrelay.domain.message;

import java.util.ArrayList;
import java.util.List;

/** Assembles an {@link EbmsMessage} step by step; {@link #build()} checks nothing beyond the record's own rules. */
public final class EbmsMessageBuilder {
    private MessageHeader header;
    private AckRequested ackRequested;
    private boolean syncReply;
    private MessageOrder messageOrder;
    private Acknowledgment acknowledgment;
    private ErrorList errorList;
    private Manifest manifest;
    private StatusRequest statusRequest;
    private StatusResponse statusResponse;
    private boolean signed;
    private final List<Payload> payloads = new ArrayList<>();

    public static EbmsMessageBuilder withHeader(MessageHeader header) {
        return new EbmsMessageBuilder().header(header);
    }

    static EbmsMessageBuilder from(EbmsMessage m) {
        EbmsMessageBuilder b = new EbmsMessageBuilder().header(m.header()).ackRequested(m.ackRequested())
                .syncReply(m.syncReply()).messageOrder(m.messageOrder()).acknowledgment(m.acknowledgment())
                .errorList(m.errorList()).manifest(m.manifest()).statusRequest(m.statusRequest())
                .statusResponse(m.statusResponse()).signed(m.signed());
        b.payloads.addAll(m.payloads());
        return b;
    }

    public EbmsMessageBuilder header(MessageHeader header) {
        this.header = header;
        return this;
    }

    public EbmsMessageBuilder ackRequested(AckRequested ackRequested) {
        this.ackRequested = ackRequested;
        return this;
    }

    public EbmsMessageBuilder syncReply(boolean syncReply) {
        this.syncReply = syncReply;
        return this;
    }

    public EbmsMessageBuilder messageOrder(MessageOrder messageOrder) {
        this.messageOrder = messageOrder;
        return this;
    }

    public EbmsMessageBuilder acknowledgment(Acknowledgment acknowledgment) {
        this.acknowledgment = acknowledgment;
        return this;
    }

    public EbmsMessageBuilder errorList(ErrorList errorList) {
        this.errorList = errorList;
        return this;
    }

    public EbmsMessageBuilder manifest(Manifest manifest) {
        this.manifest = manifest;
        return this;
    }

    public EbmsMessageBuilder statusRequest(StatusRequest statusRequest) {
        this.statusRequest = statusRequest;
        return this;
    }

    public EbmsMessageBuilder statusResponse(StatusResponse statusResponse) {
        this.statusResponse = statusResponse;
        return this;
    }

    public EbmsMessageBuilder signed(boolean signed) {
        this.signed = signed;
        return this;
    }

    /** Adds a payload and, unless a manifest was set explicitly, a cid: reference to it. */
    public EbmsMessageBuilder payload(Payload payload) {
        payloads.add(payload);
        return this;
    }

    public EbmsMessage build() {
        Manifest effectiveManifest = manifest;
        if (effectiveManifest == null && !payloads.isEmpty()) {
            effectiveManifest = new Manifest(payloads.stream()
                    .map(p -> ManifestReference.toContentId(p.contentId())).toList());
        }
        return new EbmsMessage(header, ackRequested, syncReply, messageOrder, acknowledgment, errorList,
                effectiveManifest, statusRequest, statusResponse, signed, payloads);
    }
}
