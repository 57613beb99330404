package org.ebrelay.app.inbound;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.CrashPoints;
import org.ebrelay.app.IncomingSignals;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.inbound.DecodeEnvelope.Decoding;
import org.ebrelay.app.inbound.EliminateDuplicateAndStore.Stored;
import org.ebrelay.app.port.in.ReceiveMessage;
import org.ebrelay.app.port.out.Hl7Ids;
import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.SignatureCheck;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.app.signing.Signatures;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The receive pipeline (ebms2-digest §16): what a partner's MSH posts to {@code /ebms}, decoded, checked against its
 * CPA, stored and answered. The steps are listed in order in {@link #process}; each is a small class that returns a
 * value, and a protocol failure is a value carrying ebXML errors, answered by {@link RejectMessage}.
 *
 * <p>HTTP answers: 500 with a SOAP Fault for what cannot be read as ebXML (or cannot be stored now); 200 with the reply
 * when the message asked for a synchronous one (SyncReply); else 204, with any reply sent asynchronously.
 */
public final class ReceivePipeline implements ReceiveMessage {
    private static final Logger LOG = LoggerFactory.getLogger("org.ebrelay.inbound");

    private final MessageCodec codec;
    private final AgreementRegistry agreements;
    private final Clock clock;
    private final CheckSoapAction checkSoapAction;
    private final DecodeEnvelope decodeEnvelope;
    private final ResolveAgreement resolveAgreement;
    private final CheckAgreementValidity checkAgreementValidity = new CheckAgreementValidity();
    private final ValidateHeader validateHeader;
    private final VerifySignature verifySignature;
    private final CheckTimeToLive checkTimeToLive = new CheckTimeToLive();
    private final CheckClientCertificate checkClientCertificate = new CheckClientCertificate();
    private final CheckReplayWindow checkReplayWindow;
    private final EliminateDuplicateAndStore eliminateDuplicateAndStore;
    private final AnswerPing answerPing;
    private final AnswerStatusRequest answerStatusRequest;
    private final HandOverSignal handOverSignal;
    private final Reply reply;
    private final RejectMessage rejectMessage;

    public ReceivePipeline(MessageCodec codec, AgreementRegistry agreements, LocalParties localParties,
                           MessageStore store, IdGenerator ids, Clock clock, IncomingSignals signals,
                           AsyncReplies asyncReplies, Hl7Ids hl7Ids, ReceiveSettings settings) {
        this(codec, agreements, localParties, store, ids, clock, signals, asyncReplies, hl7Ids, settings,
                Signatures.DISABLED);
    }

    /** @param signatures checks signatures of received messages and signs the Acknowledgments asked to be signed */
    public ReceivePipeline(MessageCodec codec, AgreementRegistry agreements, LocalParties localParties,
                           MessageStore store, IdGenerator ids, Clock clock, IncomingSignals signals,
                           AsyncReplies asyncReplies, Hl7Ids hl7Ids, ReceiveSettings settings, Signatures signatures) {
        this.codec = codec;
        this.verifySignature = new VerifySignature(signatures, store, agreements);
        this.agreements = agreements;
        this.clock = clock;
        Headings headings = new Headings(hl7Ids);
        this.checkSoapAction = new CheckSoapAction(settings.soapActions());
        this.decodeEnvelope = new DecodeEnvelope(codec);
        this.resolveAgreement = new ResolveAgreement(agreements);
        this.validateHeader = new ValidateHeader(localParties);
        this.checkReplayWindow = new CheckReplayWindow(settings.defaultPersistDuration());
        this.eliminateDuplicateAndStore = new EliminateDuplicateAndStore(codec, store, ids, localParties, headings,
                settings, signatures, agreements::versionOf);
        this.answerPing = new AnswerPing(ids);
        this.answerStatusRequest = new AnswerStatusRequest(store, ids);
        this.handOverSignal = new HandOverSignal(signals);
        this.reply = new Reply(asyncReplies);
        this.rejectMessage = new RejectMessage(codec, store, ids, headings, reply, agreements::versionOf);
    }

    /**
     * @param clientCertificates the TLS client certificate chain, checked against the CPA (HTTP-8) after the header
     */
    @Override
    public InboundReply receive(WireMessage request, List<X509Certificate> clientCertificates) {
        try {
            return process(request, clock.instant(), clientCertificates);
        } catch (RuntimeException e) {
            LOG.error("Receiving a message failed unexpectedly", e);
            return serverFault("the message could not be processed; send it again later");
        }
    }

    private InboundReply process(WireMessage request, Instant receivedAt, List<X509Certificate> clientCertificates) {
        Optional<SoapFault> wrongAction = checkSoapAction.check(request);
        if (wrongAction.isPresent()) {
            return InboundReply.fault(codec.encodeFault(wrongAction.get()));
        }
        Decoding decoding = decodeEnvelope.decode(request);
        if (!(decoding instanceof Decoding.Readable readable)) {
            return answerUnreadable(decoding);
        }
        Incoming in = new Incoming(readable.message(), request, receivedAt);
        try (LogContext context = LogContext.of(in.message())) {
            if (!readable.errors().isEmpty()) {
                return reject(in, agreements.find(in.message().header().cpaId()).orElse(null), readable.errors());
            }
            Checked<Agreement> agreement = resolveAgreement.resolve(in.message());
            if (agreement.failed()) {
                return reject(in, null, agreement.errors());
            }
            Optional<EbmsError> unusable = checkAgreementValidity.check(agreement.value(), receivedAt);
            if (unusable.isPresent()) {
                return reject(in, agreement.value(), List.of(unusable.get()));
            }
            Checked<Counterparts> parties = validateHeader.validate(in.message(), agreement.value());
            if (parties.failed()) {
                return reject(in, agreement.value(), parties.errors());
            }
            Checked<SignatureCheck> signature = verifySignature.verify(in, parties.value());
            if (signature.failed()) {
                return reject(in, agreement.value(), signature.errors());
            }
            Optional<EbmsError> wrongCertificate = checkClientCertificate.check(in.message(), parties.value(),
                    clientCertificates);
            if (wrongCertificate.isPresent()) {
                return reject(in, agreement.value(), List.of(wrongCertificate.get()));
            }
            Optional<EbmsError> expired = checkTimeToLive.check(in.message(), receivedAt)
                    .or(() -> checkReplayWindow.check(in.message(), parties.value().route(), receivedAt));
            if (expired.isPresent()) {
                return reject(in, agreement.value(), List.of(expired.get()));
            }
            logWarnings(in, readable.warnings());
            return switch (in.message().kind()) {
                case USER_MESSAGE -> storeAndAcknowledge(in, parties.value(), signature.value());
                case PING -> answer(in, answerPing.pong(in), parties.value());
                case STATUS_REQUEST -> answer(in, answerStatusRequest.statusResponse(in, parties.value()),
                        parties.value());
                case ACKNOWLEDGMENT, MESSAGE_ERROR, PONG, STATUS_RESPONSE -> handOver(in);
            };
        }
    }

    /** A failed step: a MessageError, and a rejected user message is kept (REJECTED). */
    private InboundReply reject(Incoming in, Agreement agreement, List<EbmsError> errors) {
        return rejectMessage.reject(in, agreement, errors, true);
    }

    /** RM-R3: the Acknowledgment (or the stored one, for a duplicate) goes out after the commit. */
    private InboundReply storeAndAcknowledge(Incoming in, Counterparts parties, SignatureCheck signature) {
        Stored stored = eliminateDuplicateAndStore.store(in, parties, signature.references());
        if (stored instanceof Stored.Unavailable unavailable) {
            LOG.error("Could not store {}: {}", in, unavailable.reason());
            return serverFault("the message could not be stored now; send it again later");
        }
        if (stored instanceof Stored.Conflict conflict) {
            return rejectMessage.reject(in, parties.agreement(), List.of(conflict.error()), false);
        }
        if (stored instanceof Stored.Accepted) {
            CrashPoints.reach(CrashPoints.AFTER_RECEIVE_COMMIT);
        }
        WireMessage ack = stored instanceof Stored.Accepted accepted ? accepted.reply()
                : ((Stored.Duplicate) stored).reply();
        // With syncReplyMode responseOnly the Acknowledgment is not among the synchronous replies (SYN-1).
        boolean synchronous = in.message().syncReply()
                && parties.route().characteristics().syncReplyMode().returnsAcknowledgmentSynchronously();
        return reply.answer(in, ack, MessageKind.ACKNOWLEDGMENT.mshAction(), synchronous, parties.replyAddress());
    }

    /**
     * A Pong or StatusResponse: on the HTTP response when the request carries SyncReply (PNG-2, STA-4), and also when
     * it does not but the CPA's MSH channel for it is synchronous. ebms-core sends its Pings that way under an
     * mshSignalsOnly CPA and expects the Pong on the response (capture 03-ping-pong); an asynchronous Pong would not
     * reach its waiting caller.
     */
    private InboundReply answer(Incoming in, EbmsMessage answer, Counterparts parties) {
        boolean synchronous = in.message().syncReply() || parties.agreement()
                .mshRoute(parties.senderId(), parties.receiverId(), in.message().header().action())
                .map(route -> route.receiveChannel().characteristics().syncReplyMode().isSynchronous())
                .orElse(false);
        return reply.answer(in, codec.encode(answer), answer.header().action(), synchronous,
                parties.replyAddress());
    }

    private InboundReply handOver(Incoming in) {
        handOverSignal.handOver(in);
        return InboundReply.noContent();
    }

    private InboundReply answerUnreadable(Decoding decoding) {
        if (decoding instanceof Decoding.FaultPosted posted) {
            // A Fault is an error report of its own: never answered with an error (ERR-3).
            LOG.warn("A SOAP Fault was posted to the ebMS endpoint and is ignored: {} {}",
                    posted.fault().faultCode(), posted.fault().faultString());
            return InboundReply.noContent();
        }
        SoapFault fault = ((Decoding.Unreadable) decoding).fault();
        LOG.info("Unreadable message answered with a SOAP Fault {}: {}", fault.faultCode(), fault.faultString());
        return InboundReply.fault(codec.encodeFault(fault));
    }

    private InboundReply serverFault(String text) {
        return InboundReply.fault(codec.encodeFault(new SoapFault(SoapFault.SERVER, text, null)));
    }

    private static void logWarnings(Incoming in, List<EbmsError> warnings) {
        if (!warnings.isEmpty()) {
            LOG.info("{} accepted with warnings: {}", in, warnings);
        }
    }

    /** The MDC keys of the message being received (ARCHITECTURE.md habits), removed when it is answered. */
    private static final class LogContext implements AutoCloseable {
        private static final List<String> KEYS = List.of("messageId", "cpaId", "conversationId");

        static LogContext of(EbmsMessage message) {
            MDC.put("messageId", message.messageId().value());
            MDC.put("cpaId", message.header().cpaId().value());
            MDC.put("conversationId", message.header().conversationId().value());
            return new LogContext();
        }

        @Override
        public void close() {
            KEYS.forEach(MDC::remove);
        }
    }
}
