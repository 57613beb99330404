package org.ebrelay.app.inbound;

import org.ebrelay.app.WithDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.inbound.Messages.DEMO_CPA;
import static org.ebrelay.app.inbound.Messages.HOSPITAL;
import static org.ebrelay.app.inbound.Messages.LAB;
import static org.ebrelay.app.inbound.Messages.NOW;
import static org.ebrelay.app.inbound.Messages.reliableOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ebrelay.app.port.in.ReceiveMessage.InboundReply;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.reliability.InboundState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What cannot be answered with an ErrorList gets a SOAP Fault with HTTP 500 (ERR-6, HTTP-5); what reports an error
 * itself is never answered with one (ERR-3).
 */
class UnreadableAndErrorInputTest extends WithDatabase {
    private static final String ENVELOPE = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Header/><soap:Body/></soap:Envelope>";

    @TempDir
    Path dir;
    private InboundNode node;

    @BeforeEach
    void start() {
        node = InboundNode.on(database).cpa(DEMO_CPA).actingFor(LAB).start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("garbage", "application/octet-stream", "\u0000\u0001 not a message at all", "Client"),
                Arguments.of("XML that is no envelope", "text/xml", "<order>1</order>", "Client"),
                Arguments.of("an envelope without a MessageHeader", "text/xml", ENVELOPE, "Client"),
                Arguments.of("SOAP 1.2", "text/xml", ENVELOPE.replace("http://schemas.xmlsoap.org/soap/envelope/",
                        "http://www.w3.org/2003/05/soap-envelope"), "VersionMismatch"),
                Arguments.of("an empty body", "text/xml", "", "Client"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void unreadableInputIsAnsweredWithASoapFaultAnd500(String what, String contentType, String body,
                                                       String faultCode) {
        InboundReply reply = node.receive(new WireMessage(contentType, WireMessage.EBXML_SOAP_ACTION,
                body.getBytes(StandardCharsets.UTF_8)));

        assertThat(reply.httpStatus()).isEqualTo(500);
        assertThat(node.codec.decode(reply.body()).receivedFault().faultCode()).isEqualTo(faultCode);
        assertThat(node.store.listInbound(InboundState.REJECTED, 10)).isEmpty();
    }

    @Test
    void aSoapActionOtherThanEbxmlIsRefusedWithAClientFault() {
        WireMessage order = node.codec.encode(reliableOrder("a").build());

        InboundReply wrong = node.receive(new WireMessage(order.contentType(), "\"urn:other\"", order.body()));
        InboundReply missing = node.receive(new WireMessage(order.contentType(), null, order.body()));
        InboundReply unquoted = node.receive(new WireMessage(order.contentType(), "ebXML", order.body()));

        assertThat(wrong.httpStatus()).as("HTTP-2").isEqualTo(500);
        assertThat(node.codec.decode(wrong.body()).receivedFault().faultString()).contains("urn:other");
        assertThat(missing.httpStatus()).isEqualTo(500);
        assertThat(unquoted.httpStatus()).as("[ours] accepted without quotes").isEqualTo(200);
    }

    @Test
    void anySoapActionIsAcceptedWhenConfiguredSo() {
        node.close();
        node = InboundNode.on(database).cpa(DEMO_CPA).actingFor(LAB)
                .settings(ReceiveSettings.defaults().withSoapActions(ReceiveSettings.ANY_SOAP_ACTION)).start();
        WireMessage order = node.codec.encode(reliableOrder("a").build());

        InboundReply reply = node.receive(new WireMessage(order.contentType(), "urn:nhs:names:services:psis/X",
                order.body()));

        assertThat(reply.httpStatus()).isEqualTo(200);
    }

    @Test
    void anExternalEntityIsRefusedUnreadAndTheNodeGoesOnReceiving() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        EbmsMessage ping = EbmsMessages.ping(Messages.DEMO, ConversationId.of("conv-xxe"), Party.of(HOSPITAL, null),
                Party.of(LAB, null), MessageId.of("ping-1@hospital.test"), NOW, true);
        String envelope = new String(node.codec.encode(ping).body(), StandardCharsets.UTF_8);
        String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE SOAP:Envelope [<!ENTITY secret SYSTEM \""
                + secret.toUri() + "\">]>\n" + envelope.substring(envelope.indexOf("<SOAP:Envelope"))
                .replace("conv-xxe", "&secret;");

        InboundReply reply = node.receive(new WireMessage("text/xml", WireMessage.EBXML_SOAP_ACTION,
                hostile.getBytes(StandardCharsets.UTF_8)));

        assertThat(reply.httpStatus()).isEqualTo(500);
        assertThat(new String(reply.body().body(), StandardCharsets.UTF_8)).contains("DOCTYPE")
                .doesNotContain("TOP-SECRET");
        assertThat(node.receive(reliableOrder("after").build()).httpStatus()).as("still receiving").isEqualTo(200);
        assertThat(node.store.listDeliveries(LAB, false, 10)).hasSize(1);
    }

    @Test
    void aSoapFaultPostedToTheEndpointIsNotAnsweredWithAnError() {
        WireMessage fault = node.codec.encodeFault(new SoapFault("Client", "bad", null));

        InboundReply reply = node.receive(new WireMessage(fault.contentType(), WireMessage.EBXML_SOAP_ACTION,
                fault.body()));

        assertThat(reply.httpStatus()).isEqualTo(204);
        assertThat(node.allAsyncReplies()).isEmpty();
    }

    @Test
    void aMessageErrorThatFailsValidationIsNeverAnsweredWithAnError() {
        EbmsMessage order = reliableOrder("a").build();
        EbmsMessage error = EbmsMessages.messageErrorFor(order.header(), MessageId.of("err-1@hospital.test"), NOW,
                ErrorList.of(EbmsError.error(ErrorCode.DELIVERY_FAILURE, null, "gone")));
        // Unknown CPA, and asking for a synchronous answer: still no error comes back.
        error = error.toBuilder().syncReply(true).header(new MessageHeader(
                error.header().from(), error.header().to(), CpaId.of("urn:nobody:cpa"),
                error.header().conversationId(), error.header().service(), error.header().action(),
                error.header().messageData(), false, List.of())).build();

        InboundReply reply = node.receive(error);

        assertThat(reply.httpStatus()).isEqualTo(204);
        assertThat(reply.body()).isNull();
        assertThat(node.allAsyncReplies()).as("ERR-3").isEmpty();
        assertThat(node.store.listInbound(InboundState.REJECTED, 10)).as("signals are not stored").isEmpty();
    }

    @Test
    void anAcknowledgmentThatFailsValidationIsAnsweredWithAnError() {
        EbmsMessage ack = EbmsMessages.acknowledgmentOf(reliableOrder("a").build(),
                MessageId.of("ack-1@hospital.test"), NOW, NOW, List.of());
        // The lab's node receives an ack "from" the lab itself: an Acknowledgment is no ErrorList, so it is answered.
        EbmsMessage fromOurselves = ack.toBuilder().syncReply(true).header(new MessageHeader(Party.of(LAB, null),
                Party.of(LAB, null), Messages.DEMO, ack.header().conversationId(), ack.header().service(),
                ack.header().action(), ack.header().messageData(), false, List.of())).build();

        InboundReply reply = node.receive(fromOurselves);

        assertThat(reply.httpStatus()).isEqualTo(200);
        EbmsMessage error = node.decode(reply.body());
        assertThat(error.kind()).isEqualTo(MessageKind.MESSAGE_ERROR);
        assertThat(error.header().refToMessageId()).isEqualTo(MessageId.of("ack-1@hospital.test"));
        assertThat(error.errorList().errors()).singleElement()
                .satisfies(e -> assertThat(e.is(ErrorCode.INCONSISTENT)).isTrue());
    }
}
