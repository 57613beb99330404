package org.ebrelay.app.diagnose;

import org.ebrelay.app.ScriptedPartner;

import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.PendingReplies;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.UuidIdGenerator;
import org.ebrelay.app.port.in.DiagnosePartner.PingResult;
import org.ebrelay.app.port.in.DiagnosePartner.StatusResult;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.MessageStatus;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.message.StatusResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.ServiceFixtures.CODEC;
import static org.ebrelay.app.ServiceFixtures.DEMO;
import static org.ebrelay.app.ServiceFixtures.HOSPITAL;
import static org.ebrelay.app.ServiceFixtures.LAB;
import static org.ebrelay.app.ServiceFixtures.T0;
import static org.ebrelay.app.ServiceFixtures.agreement;

/**
 * Ping and StatusRequest against a scripted partner that answers with real encoded replies (digest §11, §12):
 * the demo CPA asks for synchronous MSH signals, the async example CPA (syncReplyMode none) for separate replies.
 */
class DiagnosePartnerServiceTest {
    private static final Agreement DEMO_CPA = agreement("demo-hospital-lab.xml");
    private static final Agreement ASYNC_CPA = agreement("cpa-hl7-rm-async.xml");
    private static final CpaId ASYNC = CpaId.of("PEER-GATEWAY-HL7-RM-ASYNC");
    private static final PartyId GATEWAY = PartyId.of("urn:oid:1.2.826.0.1285.0.2.0.107", "GATEWAY");
    private static final PartyId PEER = PartyId.of("urn:oid:1.2.826.0.1285.0.2.0.107", "PEER");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TestClock clock = new TestClock(T0);
    private final PendingReplies pendingReplies = new PendingReplies(clock, Duration.ofMinutes(5));
    private final ScriptedPartner partner = new ScriptedPartner(CODEC, clock);

    private DiagnosePartnerService service(PartyId... localParties) {
        return service(TIMEOUT, localParties);
    }

    private DiagnosePartnerService service(Duration timeout, PartyId... localParties) {
        return new DiagnosePartnerService(new AgreementRegistry(List.of(DEMO_CPA, ASYNC_CPA)),
                new LocalParties(List.of(localParties)), CODEC, partner, pendingReplies,
                new UuidIdGenerator("rgh.test"), clock, timeout);
    }

    private EbmsMessage pongFor(EbmsMessage ping, String pongId) {
        return EbmsMessages.pongFor(ping.header(), MessageId.of(pongId), clock.instant());
    }

    private EbmsMessage messageErrorFor(EbmsMessage request) {
        return EbmsMessages.messageErrorFor(request.header(), MessageId.of("err-1@nrl.test"), clock.instant(),
                ErrorList.of(EbmsError.error(ErrorCode.INCONSISTENT, "/eb:MessageHeader/eb:CPAId",
                        "the CPA is not agreed here")));
    }

    @Test
    void aPingGetsTheSynchronousPongFromThePartnersEndpoint() {
        partner.taking(Duration.ofMillis(120)).answering(ping -> partner.replyWith(pongFor(ping, "pong-1@nrl.test")));

        PingResult result = service(HOSPITAL).ping(DEMO, null, LAB);

        ScriptedPartner.Sent sent = partner.sent().get(0);
        assertThat(sent.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8082/ebms"));
        assertThat(sent.timeout()).isEqualTo(TIMEOUT);
        EbmsMessage ping = sent.message();
        assertThat(ping.kind()).isEqualTo(MessageKind.PING);
        assertThat(ping.header().service()).isEqualTo(Service.MSH);
        assertThat(ping.header().cpaId()).isEqualTo(DEMO);
        assertThat(ping.header().from().partyIds()).containsExactly(HOSPITAL);
        assertThat(ping.header().to().partyIds()).containsExactly(LAB);
        assertThat(ping.syncReply()).as("mshSignalsOnly asks for the Pong on the response").isTrue();
        assertThat(ping.header().messageData().timestamp()).isEqualTo(T0);
        assertThat(result.ok()).isTrue();
        assertThat(result.pingMessageId()).isEqualTo(ping.messageId().value());
        assertThat(result.pongMessageId()).isEqualTo("pong-1@nrl.test");
        assertThat(result.roundTrip()).isEqualTo(Duration.ofMillis(120));
        assertThat(result.error()).isNull();
        assertThat(pendingReplies.size()).isZero();
    }

    @Test
    void withoutSyncReplyThePingWaitsForTheAsynchronousPongThroughPendingReplies() throws Exception {
        CompletableFuture<Boolean> delivered = new CompletableFuture<>();
        partner.taking(Duration.ofMillis(40)).answering(ping -> {
            // the partner's Pong arrives later as a request of its own: the receive side hands it over
            EbmsMessage pong = pongFor(ping, "pong-2@peer.test");
            CompletableFuture.runAsync(() -> {
                clock.advance(Duration.ofMillis(200));
                delivered.complete(pendingReplies.complete(ping.messageId(), pong));
            }, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
            return new SendOutcome.Answered(204, null);
        });

        PingResult result = service(GATEWAY).ping(ASYNC, GATEWAY, PEER);

        EbmsMessage ping = partner.lastRequest();
        assertThat(ping.syncReply()).as("syncReplyMode none").isFalse();
        assertThat(partner.sent().get(0).endpoint()).isEqualTo(URI.create("http://127.0.0.1:8301/ebms"));
        assertThat(delivered.get()).isTrue();
        assertThat(result.ok()).isTrue();
        assertThat(result.pingMessageId()).isEqualTo(ping.messageId().value());
        assertThat(result.pongMessageId()).isEqualTo("pong-2@peer.test");
        assertThat(result.roundTrip()).isEqualTo(Duration.ofMillis(240));
        assertThat(pendingReplies.size()).isZero();
    }

    @Test
    void anAsynchronousPongThatOvertakesTheHttpResponseIsNotLost() {
        partner.answering(ping -> {
            pendingReplies.complete(ping.messageId(), pongFor(ping, "pong-3@peer.test"));
            return new SendOutcome.Answered(200, null);
        });

        PingResult result = service(GATEWAY).ping(ASYNC, null, PEER);

        assertThat(result.ok()).isTrue();
        assertThat(result.pongMessageId()).isEqualTo("pong-3@peer.test");
        assertThat(partner.lastRequest().header().from().partyIds()).containsExactly(GATEWAY);
    }

    @Test
    void aPingWithoutAnyReplyTimesOut() {
        PingResult result = service(Duration.ofMillis(300), GATEWAY).ping(ASYNC, GATEWAY, PEER);

        assertThat(result.ok()).isFalse();
        assertThat(result.pingMessageId()).isEqualTo(partner.lastRequest().messageId().value());
        assertThat(result.pongMessageId()).isNull();
        assertThat(result.roundTrip()).isNull();
        assertThat(result.error()).isEqualTo("timeout: no reply to the Ping within PT0.3S");
        assertThat(pendingReplies.size()).as("the wait is given up").isZero();
    }

    @Test
    void anUnreachablePartnerIsReportedWithTheTransportsReason() {
        partner.answering(ping -> new SendOutcome.RetryableFailure("connection refused", null));

        PingResult result = service(HOSPITAL).ping(DEMO, HOSPITAL, LAB);

        assertThat(result.ok()).isFalse();
        assertThat(result.pingMessageId()).isNotNull();
        assertThat(result.error()).isEqualTo("partner unreachable at http://127.0.0.1:8082/ebms: connection refused");
        assertThat(pendingReplies.size()).isZero();
    }

    @Test
    void aPartnerRefusingThePingWithASoapFaultIsReportedWithTheFault() {
        partner.answering(ping -> new SendOutcome.PermanentFailure("HTTP 500 with a SOAP Fault Client", 500,
                CODEC.encodeFault(SoapFault.client("no MessageHeader"))));

        PingResult result = service(HOSPITAL).ping(DEMO, null, LAB);

        assertThat(result.ok()).isFalse();
        assertThat(result.error()).isEqualTo(
                "partner refused the Ping (HTTP 500 with a SOAP Fault Client): SOAP Fault Client no MessageHeader");
    }

    @Test
    void aMessageErrorInsteadOfThePongNamesThePartnersErrors() {
        partner.taking(Duration.ofMillis(15)).answering(ping -> partner.replyWith(messageErrorFor(ping)));

        PingResult result = service(HOSPITAL).ping(DEMO, null, LAB);

        assertThat(result.ok()).isFalse();
        assertThat(result.pongMessageId()).isNull();
        assertThat(result.roundTrip()).isEqualTo(Duration.ofMillis(15));
        assertThat(result.error()).isEqualTo("partner answered with a MessageError: Inconsistent (Error): "
                + "the CPA is not agreed here at /eb:MessageHeader/eb:CPAId");
    }

    @Test
    void anUnknownCpaOrPartyOrAPartyThisNodeDoesNotActForIsRefusedBeforeSending() {
        PartyId stranger = PartyId.of("urn:oid:9.9", "NOBODY");

        assertThat(service(HOSPITAL).ping(CpaId.of("urn:nope"), null, LAB).error())
                .isEqualTo("unknown CPA 'urn:nope': this node has no agreement with that cpaid");
        assertThat(service(HOSPITAL).ping(DEMO, null, stranger).error()).isEqualTo(
                "unknown party urn:oid:9.9:NOBODY: it is not a party of CPA 'urn:ebrelay:demo:cpa:hospital-lab:1'");
        assertThat(service(HOSPITAL).ping(DEMO, stranger, LAB).error()).startsWith("unknown party urn:oid:9.9:NOBODY");
        assertThat(service(LAB).ping(DEMO, null, LAB).error()).isEqualTo("this node does not act for "
                + "RiversideGeneralHospital (urn:oid:2.16.840.1.113883.19.5:RGH-0001), the other party of CPA "
                + "'urn:ebrelay:demo:cpa:hospital-lab:1'");
        assertThat(service(HOSPITAL).ping(DEMO, LAB, LAB).error())
                .startsWith("'from' and 'to' are the same party");
        assertThat(partner.sent()).isEmpty();
    }

    @Test
    void anAgreementOutsideItsValidityIsNotUsed() {
        clock.set(Instant.parse("2032-01-01T00:00:00Z"));

        PingResult result = service(HOSPITAL).ping(DEMO, null, LAB);

        assertThat(result.error()).isEqualTo("CPA 'urn:ebrelay:demo:cpa:hospital-lab:1' cannot be used now: EXPIRED");
        assertThat(partner.sent()).isEmpty();
    }

    @Test
    void aStatusRequestGetsReceivedWithTheTimeTheMessageArrived() {
        Instant arrived = T0.minusSeconds(3600);
        partner.answering(request -> partner.replyWith(EbmsMessages.statusResponseFor(request.header(),
                MessageId.of("sr-1@nrl.test"), clock.instant(), new StatusResponse(MessageStatus.RECEIVED,
                        request.statusRequest().refToMessageId(), arrived))));

        StatusResult result = service(HOSPITAL).requestStatus(DEMO, null, LAB, "order-1@rgh.test");

        EbmsMessage request = partner.lastRequest();
        assertThat(request.kind()).isEqualTo(MessageKind.STATUS_REQUEST);
        assertThat(request.statusRequest().refToMessageId()).isEqualTo(MessageId.of("order-1@rgh.test"));
        assertThat(request.syncReply()).isTrue();
        assertThat(result.status()).isEqualTo("Received");
        assertThat(result.timestamp()).isEqualTo(arrived);
        assertThat(result.error()).isNull();
    }

    @Test
    void aStatusRequestAboutAnUnknownMessageGetsNotRecognizedWithoutATimestamp() {
        partner.answering(request -> {
            EbmsMessage response = EbmsMessages.statusResponseFor(request.header(), MessageId.of("sr-2@peer.test"),
                    clock.instant(), new StatusResponse(MessageStatus.NOT_RECOGNIZED,
                            request.statusRequest().refToMessageId(), null));
            pendingReplies.complete(request.messageId(), response);
            return new SendOutcome.Answered(204, null);
        });

        StatusResult result = service(GATEWAY).requestStatus(ASYNC, null, PEER, "unknown@gateway.test");

        assertThat(partner.lastRequest().syncReply()).isFalse();
        assertThat(result.status()).isEqualTo("NotRecognized");
        assertThat(result.timestamp()).isNull();
        assertThat(result.error()).isNull();
    }

    @Test
    void aStatusRequestAnsweredWithAMessageErrorOrAboutAnotherMessageIsAnError() {
        partner.answering(request -> partner.replyWith(messageErrorFor(request)));
        assertThat(service(HOSPITAL).requestStatus(DEMO, null, LAB, "order-1@rgh.test").error())
                .startsWith("partner answered with a MessageError: Inconsistent (Error)");

        partner.answering(request -> partner.replyWith(EbmsMessages.statusResponseFor(request.header(),
                MessageId.of("sr-3@nrl.test"), clock.instant(), new StatusResponse(MessageStatus.PROCESSED,
                        MessageId.of("other@rgh.test"), T0))));
        StatusResult other = service(HOSPITAL).requestStatus(DEMO, null, LAB, "order-1@rgh.test");
        assertThat(other.status()).isNull();
        assertThat(other.error()).isEqualTo("the StatusResponse is about other@rgh.test, not order-1@rgh.test");

        assertThat(service(HOSPITAL).requestStatus(DEMO, null, LAB, " ").error())
                .isEqualTo("the MessageId to ask about is required");
        assertThat(partner.sent()).hasSize(2);
    }
}
