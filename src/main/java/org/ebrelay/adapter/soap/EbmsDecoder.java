package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.Decoded;

import org.ebrelay.app.port.out.SoapFault;

import org.ebrelay.app.port.out.WireMessage;

import org.ebrelay.adapter.xml.SecureXml;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.Payload;

import java.util.List;

/**
 * Decodes ebXML messages from the wire: MIME multipart/related or a bare SOAP envelope, streamed with a hardened
 * StAX reader (no SAAJ, no DOM), mapped into the message model, then checked for everything that needs neither
 * a CPA nor a clock. Thread-safe: share one instance.
 *
 * <p>Problem codes (severity Error unless marked); locations are XPaths such as
 * {@code //Header/MessageHeader/CPAId}, or the {@code cid:} of a part:
 * <ul>
 *   <li>Unreadable, answered with a SOAP Fault ({@code Client} unless noted): over {@code maxMessageBytes},
 *       no root part, bad boundary: MimeProblem. Empty body, not well formed, DOCTYPE or entity reference
 *       (rejected before any expansion), parser limits, root not an Envelope, no MessageHeader, or a header
 *       lacking what the model needs (From/To PartyId, CPAId, ConversationId, Service, Action, MessageId,
 *       Timestamp): OtherXml. Not SOAP 1.1: OtherXml, fault {@code VersionMismatch}. Unknown header block with
 *       mustUnderstand: NotSupported, fault {@code MustUnderstand}.</li>
 *   <li>eb:version other than 2.0: NotSupported (ENV-2; absent: OtherXml). Untyped PartyId or Service that is
 *       not a URI: Inconsistent (HDR-1/2). Malformed or duplicated singleton element, bad TimeToLive:
 *       OtherXml. RefToMessageId with angle brackets or inner white space: OtherXml (HDR-4, value kept);
 *       missing where the action needs it (Acknowledgment, MessageError, Pong, StatusResponse): Inconsistent.</li>
 *   <li>Unknown action of the MSH service: ValueNotRecognized. AckRequested on an MSH message: Inconsistent;
 *       DuplicateElimination on one: Inconsistent Warning (Hermes sends it on acks). MessageOrder with
 *       SyncReply (SYN-3) or without DuplicateElimination+AckRequested (ORD-1): Inconsistent. TimeToLive not
 *       after Timestamp: TimeToLiveExpired (the clock-based check on receipt belongs to the receiver).</li>
 *   <li>MIME: reference to a missing part (MAN-2) or a non-cid href (MAN-3): MimeProblem at the href; part
 *       nobody references: MimeProblem Warning (MAN-4); undecodable part, missing closing delimiter, wrong
 *       package type (PKG-1): MimeProblem.</li>
 *   <li>Schema violations (when enabled): OtherXml at the offending element, except the lenient
 *       mustUnderstand="true"/"false" and what an own check already reported.</li>
 * </ul>
 * The SOAPAction is not checked here: that is the HTTP layer's rule (HTTP-2). The decoder never throws for bad
 * input.
 */
public final class EbmsDecoder {
    /**
     * @param maxMessageBytes  larger bodies are rejected without being parsed
     * @param schemaValidation whether readable messages are also validated against the envelope and ebMS schemas
     *                         (thorough, but several times the cost of decoding)
     */
    public record Options(int maxMessageBytes, boolean schemaValidation) {
        public static final int DEFAULT_MAX_MESSAGE_BYTES = 20 * 1024 * 1024;

        public Options {
            if (maxMessageBytes <= 0) {
                throw new IllegalArgumentException("maxMessageBytes must be positive");
            }
        }

        /** 20 MiB, schema validation on. */
        public static Options defaults() {
            return new Options(DEFAULT_MAX_MESSAGE_BYTES, true);
        }
    }

    private final Options options;
    private final EnvelopeReader envelopeReader = new EnvelopeReader(SecureXml.staxFactory());

    public EbmsDecoder() {
        this(Options.defaults());
    }

    public EbmsDecoder(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    /** Never throws for bad input: every problem is reported in the result. */
    public Decoded decode(WireMessage wire) {
        try {
            return decodeUnchecked(wire);
        } catch (RuntimeException | StackOverflowError e) {
            return Decoded.unreadable(SoapFault.SERVER, List.of(EbmsError.error(ErrorCode.UNKNOWN, null,
                    "the decoder failed on this message: " + e)));
        }
    }

    private Decoded decodeUnchecked(WireMessage wire) {
        byte[] body = wire == null ? new byte[0] : wire.body();
        if (body.length > options.maxMessageBytes()) {
            return Decoded.unreadable(SoapFault.CLIENT, List.of(EbmsError.error(ErrorCode.MIME_PROBLEM, null,
                    "the message is " + body.length + " bytes, over the limit of " + options.maxMessageBytes()
                            + " bytes; it was not parsed")));
        }
        if (isBlank(body)) {
            return Decoded.unreadable(SoapFault.CLIENT, List.of(EbmsError.error(ErrorCode.OTHER_XML, null,
                    "the message body is empty: there is no SOAP envelope")));
        }
        ProblemList problems = new ProblemList();
        ParsedContentType type = ParsedContentType.parse(wire.contentType());
        if (!type.isMultipart()) {
            return decodeEnvelope(body, List.of(), null, problems);
        }
        MultipartReader.Result mime = MultipartReader.read(type, body);
        problems.addAll(mime.problems());
        if (mime.root() == null) {
            if (!problems.hasAnyError()) {
                problems.error(ErrorCode.MIME_PROBLEM, null, "the root part holding the SOAP envelope cannot be found");
            }
            return Decoded.unreadable(SoapFault.CLIENT, problems.list());
        }
        return decodeEnvelope(mime.root().content(), mime.parts(), mime.root(), problems);
    }

    private Decoded decodeEnvelope(byte[] soap, List<MultipartReader.Part> parts, MultipartReader.Part root,
                                   ProblemList problems) {
        EnvelopeReader.Outcome read = envelopeReader.read(soap, options.schemaValidation());
        if (read instanceof EnvelopeReader.Unreadable unreadable) {
            problems.add(unreadable.problem());
            return Decoded.unreadable(unreadable.faultCode(), problems.list());
        }
        EnvelopeReader.Envelope envelope = (EnvelopeReader.Envelope) read;
        MessageMapper.Outcome mapped = MessageMapper.map(envelope, problems);
        if (mapped instanceof MessageMapper.Fault fault) {
            return new Decoded(null, fault.fault(), problems.list());
        }
        if (mapped instanceof MessageMapper.Unreadable unreadable) {
            return Decoded.unreadable(unreadable.faultCode(), problems.list());
        }
        EbmsMessage message = ((MessageMapper.Mapped) mapped).message();
        List<Payload> payloads = PayloadResolver.resolve(message.manifest(), parts, root, problems);
        message = withPayloads(message, payloads);
        MessageChecks.check(message, problems);
        if (options.schemaValidation()) {
            problems.addAll(SchemaCheck.problems(soap, envelope.spans(), problems.list()));
        }
        return new Decoded(message, null, problems.list());
    }

    private static EbmsMessage withPayloads(EbmsMessage m, List<Payload> payloads) {
        return new EbmsMessage(m.header(), m.ackRequested(), m.syncReply(), m.messageOrder(), m.acknowledgment(),
                m.errorList(), m.manifest(), m.statusRequest(), m.statusResponse(), m.signed(), payloads);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
