package org.ebrelay.app;

import org.ebrelay.adapter.cpa.CpaFileLoader;
import org.ebrelay.adapter.cpa.CpaLoadResult;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.SoapCodec;
import org.ebrelay.app.port.out.InboundRegistration;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessageBuilder;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.reliability.InboundState;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Real pieces for the app services' tests: the demo CPA, the real codec, real encoded messages for the real store. */
public final class ServiceFixtures {
    public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    public static final CpaId DEMO = CpaId.of("urn:ebrelay:demo:cpa:hospital-lab:1");
    public static final PartyId HOSPITAL = PartyId.of("urn:oid:2.16.840.1.113883.19.5", "RGH-0001");
    public static final PartyId LAB = PartyId.of("urn:oid:2.16.840.1.113883.19.5", "NRL-0042");
    public static final Service LAB_SERVICE = Service.of("urn:example:service-type:hl7v2",
            "urn:example:services:hl7v2:laboratory");
    public static final MessageCodec CODEC = new SoapCodec(new EbmsDecoder());
    public static final DeliveryTerms TERMS = new DeliveryTerms(true, true, true, 4, Duration.ofSeconds(2),
            Duration.ofHours(1));

    private ServiceFixtures() {
    }

    /** A CPA from the repository's cpa/ folder, loaded and validated by the real loader. */
    public static Agreement agreement(String fileName) {
        CpaLoadResult loaded = new CpaFileLoader(Clock.fixed(T0, ZoneOffset.UTC)).load(Path.of("cpa", fileName));
        if (!loaded.isValid()) {
            throw new IllegalStateException(fileName + ": " + loaded.problems());
        }
        return loaded.agreement();
    }

    public static Payload hl7(String contentId, String messageControlId) {
        return Payload.text(contentId, "application/hl7-v2",
                "MSH|^~\\&|LAB|NRL|HIS|RGH|20260302080000||ORU^R01|" + messageControlId + "|P|2.5.1\r");
    }

    /** A business message under the demo CPA. */
    public static EbmsMessage userMessage(String messageId, PartyId from, PartyId to, String action, Instant at,
                                          Payload... payloads) {
        MessageHeader header = new MessageHeader(Party.of(from, null), Party.of(to, null), DEMO,
                ConversationId.of("conv-" + messageId), LAB_SERVICE, action,
                new MessageData(MessageId.of(messageId), at, null, null), true, List.of());
        EbmsMessageBuilder builder = EbmsMessageBuilder.withHeader(header);
        for (Payload payload : payloads) {
            builder.payload(payload);
        }
        return builder.build();
    }

    public static MessageHeading heading(EbmsMessage message, String hl7Id) {
        MessageHeader h = message.header();
        return new MessageHeading(h.cpaId(), h.conversationId(), h.messageId(), hl7Id, h.from().firstId(),
                h.to().firstId(), h.service(), h.action(), h.messageData().timestamp());
    }

    public static WireBytes wire(EbmsMessage message) {
        WireMessage encoded = CODEC.encode(message);
        return new WireBytes(encoded.contentType(), encoded.body());
    }

    /** A received message to register: RECEIVED, no duplicate check, with these deliveries. */
    public static InboundRegistration received(String internalId, EbmsMessage message, String hl7Id,
                                               Instant receivedAt, NewDelivery... deliveries) {
        return new InboundRegistration(InternalId.of(internalId), heading(message, hl7Id), receivedAt, wire(message),
                InboundState.RECEIVED, null, null, List.of(deliveries), "received from "
                + PartyIds.format(message.header().from().firstId()));
    }

    /** A submitted message to insert, QUEUED and due at once. */
    public static SubmittedMessage submitted(String internalId, EbmsMessage message, String hl7Id, Instant at) {
        return new SubmittedMessage(InternalId.of(internalId), heading(message, hl7Id), TERMS, null, null,
                "http://127.0.0.1:8082/ebms", WireMessage.EBXML_SOAP_ACTION, wire(message), at, at);
    }
}
