package org.ebrelay.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessageBuilder;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.Service;

/**
 * Hand-built ebXML messages posted straight to a node's /ebms with a plain HTTP client, as a partner's MSH would
 * post them: for the receiver's rules that a well-behaved sending node never exercises (resends of the very same
 * bytes, an id reused for other content, a TimeToLive already past).
 */
final class PostedMessages {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PostedMessages() {
    }

    /** An order from the hospital to the laboratory as the demo CPA has it: reliable, SyncReply, no TimeToLive. */
    static EbmsMessage order(String messageId, Hl7Messages.Er7 payload, Instant timestamp, Instant timeToLive) {
        MessageHeader header = new MessageHeader(
                Party.of(PartyIds.parse(DemoCpa.HOSPITAL), "OrderPlacer"),
                Party.of(PartyIds.parse(DemoCpa.LAB), "OrderFiller"),
                CpaId.of(DemoCpa.CPA_ID), ConversationId.of("conversation-" + messageId),
                Service.of(DemoCpa.SERVICE_TYPE, DemoCpa.SERVICE), DemoCpa.ORDER,
                new MessageData(MessageId.of(messageId), timestamp, null, timeToLive), true, List.of());
        return EbmsMessageBuilder.withHeader(header)
                .ackRequested(AckRequested.toPartyMsh(false))
                .syncReply(true)
                .payload(new Payload("payload-1@" + payload.id(), "application/hl7-v2", payload.bytes()))
                .build();
    }

    static WireMessage encode(EbmsMessage message) {
        return new EbmsEncoder().encode(message);
    }

    /** The node's HTTP answer. */
    record Answer(int status, String contentType, byte[] body) {
        /** The answer decoded as an ebXML message (or fault). */
        Decoded decoded() {
            return new EbmsDecoder().decode(new WireMessage(contentType, null, body));
        }
    }

    /** POSTs these exact bytes to {@code <baseUri>/ebms}. */
    static Answer post(URI baseUri, WireMessage wire) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + "/ebms"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", wire.contentType())
                .header("SOAPAction", WireMessage.EBXML_SOAP_ACTION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(wire.body()))
                .build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError("POST to " + baseUri + "/ebms failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
