package org.ebrelay.app.inbound;

import org.ebrelay.app.WithDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.inbound.Messages.GATEWAY;
import static org.ebrelay.app.inbound.Messages.PEER;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.ebrelay.adapter.soap.WireInputs;
import org.ebrelay.app.port.in.ReceiveMessage.InboundReply;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.MessageStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the real requests ebms-core 2.19.3 sent to a gateway (src/test/resources/golden/ebms-core-captures) into
 * the pipeline, configured with the CPA they ran under, acting for GATEWAY, on a clock set to the recording time (their
 * TimeToLive is 20 s), and compares the answers with the responses ebms-core's own gateway gave.
 */
class CaptureReplayTest extends WithDatabase {
    private static final Path CAPTURES = Path.of("src/test/resources/golden/ebms-core-captures");

    private InboundNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private InboundNode gateway(Path cpa, String recordedAt) {
        node = InboundNode.on(database).cpa(cpa).actingFor(GATEWAY).at(Instant.parse(recordedAt)).start();
        return node;
    }

    @Test
    void theReliableSyncMessageIsAcknowledgedOnTheResponseAsEbmsCoreDid() throws IOException {
        gateway(Messages.SYNC_CPA, "2026-11-21T23:08:02.284Z");

        InboundReply reply = node.receive(request("01-reliable-sync-ack/peer-to-gateway"));

        Recorded recorded = response("01-reliable-sync-ack/peer-to-gateway");
        assertThat(reply.httpStatus()).isEqualTo(recorded.status()).isEqualTo(200);
        assertSameAcknowledgment(node.decode(reply.body()), recorded.message());
        assertThat(node.store.listDeliveries(GATEWAY, false, 10)).singleElement()
                .satisfies(d -> assertThat(d.heading().hl7Id())
                        .isEqualTo("2.25.118452870318213216476553409519541829817"));
    }

    @Test
    void theResentDuplicateGetsTheSameAcknowledgmentAsTheFirstPost() throws IOException {
        gateway(Messages.SYNC_CPA, "2026-11-21T23:08:02.284Z");
        InboundReply first = node.receive(request("01-reliable-sync-ack/peer-to-gateway"));
        node.clock.set(Instant.parse("2026-11-21T23:08:10Z"));

        InboundReply again = node.receive(request("05-duplicate-resent/peer-to-gateway"));

        Recorded recorded = response("05-duplicate-resent/peer-to-gateway");
        Recorded recordedFirst = response("01-reliable-sync-ack/peer-to-gateway");
        assertThat(recorded.message().messageId()).as("ebms-core replays its stored ack")
                .isEqualTo(recordedFirst.message().messageId());
        assertThat(again.httpStatus()).isEqualTo(recorded.status()).isEqualTo(200);
        assertThat(again.body().body()).isEqualTo(first.body().body());
        assertSameAcknowledgment(node.decode(again.body()), recorded.message());
        assertThat(node.store.listDeliveries(GATEWAY, true, 10)).hasSize(1);
    }

    @Test
    void theReliableAsyncMessageGets204AndItsAcknowledgmentPostedToThePeer() throws Exception {
        gateway(Messages.ASYNC_CPA, "2026-11-21T23:08:04.299Z");

        InboundReply reply = node.receive(request("02-reliable-async-ack/peer-to-gateway"));

        assertThat(reply.httpStatus()).isEqualTo(response("02-reliable-async-ack/peer-to-gateway").status())
                .isEqualTo(204);
        assertThat(reply.body()).isNull();
        RecordingTransport.Sent sent = node.partner.next();
        assertThat(sent.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8301/ebms"));
        WireMessage recordedAck = request("02-reliable-async-ack/gateway-to-peer");
        assertSameAcknowledgment(node.decode(sent.message()), node.decode(recordedAck));
    }

    @Test
    void thePingWithoutSyncReplyGetsItsPongOnTheResponseAsEbmsCoreDid() throws IOException {
        gateway(Messages.SYNC_CPA, "2026-11-21T23:08:06.526Z");

        InboundReply reply = node.receive(request("03-ping-pong/peer-to-gateway"));

        Recorded recorded = response("03-ping-pong/peer-to-gateway");
        assertThat(reply.httpStatus()).isEqualTo(recorded.status()).isEqualTo(200);
        EbmsMessage pong = node.decode(reply.body());
        assertThat(pong.kind()).isEqualTo(recorded.message().kind()).isEqualTo(MessageKind.PONG);
        assertThat(pong.header().refToMessageId()).isEqualTo(recorded.message().header().refToMessageId());
        assertThat(pong.header().from().partyIds()).isEqualTo(recorded.message().header().from().partyIds());
        assertThat(pong.header().to().partyIds()).isEqualTo(recorded.message().header().to().partyIds());
    }

    @Test
    void theStatusRequestUnderTheAsyncCpaGets204AndAStatusResponsePostedToThePeer() throws Exception {
        gateway(Messages.ASYNC_CPA, "2026-11-21T23:08:04.299Z");
        node.receive(request("02-reliable-async-ack/peer-to-gateway"));
        node.partner.next();
        node.clock.set(Instant.parse("2026-11-21T23:08:08.271Z"));

        InboundReply reply = node.receive(request("04-status-request/peer-to-gateway"));

        assertThat(reply.httpStatus()).isEqualTo(response("04-status-request/peer-to-gateway").status())
                .isEqualTo(204);
        EbmsMessage ours = node.decode(node.partner.next().message());
        EbmsMessage theirs = node.decode(request("04-status-request/gateway-to-peer"));
        assertThat(ours.kind()).isEqualTo(theirs.kind()).isEqualTo(MessageKind.STATUS_RESPONSE);
        assertThat(ours.header().refToMessageId()).isEqualTo(theirs.header().refToMessageId());
        assertThat(ours.statusResponse()).isEqualTo(theirs.statusResponse());
        assertThat(ours.statusResponse().status()).isEqualTo(MessageStatus.RECEIVED);
    }

    /** ebms-core keeps the roles in its ack's From/To; ours, following ACK-6's example, carries PartyIds only. */
    private static void assertSameAcknowledgment(EbmsMessage ours, EbmsMessage theirs) {
        assertThat(ours.kind()).isEqualTo(theirs.kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
        assertThat(ours.header().cpaId()).isEqualTo(theirs.header().cpaId());
        assertThat(ours.header().conversationId()).isEqualTo(theirs.header().conversationId());
        assertThat(ours.header().refToMessageId()).isEqualTo(theirs.header().refToMessageId());
        assertThat(ours.header().from().partyIds()).isEqualTo(theirs.header().from().partyIds()).containsExactly(GATEWAY);
        assertThat(ours.header().to().partyIds()).isEqualTo(theirs.header().to().partyIds()).containsExactly(PEER);
        assertThat(ours.acknowledgment().refToMessageId()).isEqualTo(theirs.acknowledgment().refToMessageId());
        assertThat(ours.acknowledgment().timestamp()).as("the clock stands at the recorded receipt")
                .isEqualTo(theirs.acknowledgment().timestamp());
        assertThat(ours.acknowledgment().actor()).isEqualTo(theirs.acknowledgment().actor());
    }

    private static WireMessage request(String exchange) throws IOException {
        return WireInputs.read(CAPTURES.resolve(exchange).resolve("001-request.raw"));
    }

    private record Recorded(int status, EbmsMessage message) {
    }

    private Recorded response(String exchange) throws IOException {
        byte[] raw = Files.readAllBytes(CAPTURES.resolve(exchange).resolve("001-response.raw"));
        int status = Integer.parseInt(new String(raw, 9, 3, StandardCharsets.US_ASCII));
        WireMessage wire = WireInputs.read(raw);
        return new Recorded(status, wire.body().length == 0 ? null : node.decode(wire));
    }
}
