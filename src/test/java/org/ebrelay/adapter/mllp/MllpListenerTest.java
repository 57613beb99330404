package org.ebrelay.adapter.mllp;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import org.ebrelay.app.hl7.Hl7Intake;
import org.ebrelay.app.hl7.Hl7Route;
import org.ebrelay.app.hl7.Hl7Routing;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** MLLP in with HAPI's own client: the acknowledgment tells what became of each message. */
class MllpListenerTest {
    private static final String ORDER = "MSH|^~\\&|HIS|RGH|LIS|NRL|20260115103000||OML^O21^OML_O21|ORD-1|P|2.5.1|||AL|NE||UNICODE UTF-8\r"
            + "PID|1||P1^^^RGH^MR||Müller^Jürgen||19800101|M\r";
    private static final String ADT = "MSH|^~\\&|HIS|RGH|PAS|NRL|20260115103000||ADT^A01^ADT_A01|ADT-1|P|2.5.1\r"
            + "EVN|A01|20260115103000\rPID|1||P1^^^RGH^MR||Doe^Jane\r";

    private final List<Submission> submitted = new CopyOnWriteArrayList<>();
    private volatile SubmissionResult answer = new SubmissionResult.Accepted("mid-1", "ORD-1", "QUEUED");
    private MllpListener listener;
    private HapiContext client;

    @BeforeEach
    void start() throws Exception {
        Hl7Route labOrders = new Hl7Route("lab-orders", new Hl7Route.Matcher("HIS", null, "LIS", null, "OML", "O21"),
                CpaId.of("cpa-1"), null, PartyId.of("urn:x", "NRL"), null, "OrderLab");
        listener = new MllpListener("127.0.0.1", 0, new Hl7Intake(new Hl7Routing(List.of(labOrders)), s -> {
            submitted.add(s);
            return answer;
        }), StandardCharsets.UTF_8);
        listener.start();
        client = new DefaultHapiContext();
        client.getParserConfiguration().setIdGenerator(new UUIDGenerator());
        MinLowerLayerProtocol llp = new MinLowerLayerProtocol(true);
        llp.setCharset(StandardCharsets.UTF_8);
        client.setLowerLayerProtocol(llp);
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        client.close();
    }

    @Test
    void aRoutedMessageIsSubmittedAsItArrivedAndAnsweredAaAfterAcceptance() throws Exception {
        Message ack = send(ORDER);

        assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AA");
        assertThat(new Terser(ack).get("/MSA-2")).isEqualTo("ORD-1");
        assertThat(submitted).singleElement().satisfies(s -> {
            assertThat(s.cpaId().value()).isEqualTo("cpa-1");
            assertThat(s.action()).isEqualTo("OrderLab");
            assertThat(s.hl7MessageId()).isEqualTo("ORD-1");
            assertThat(new String(s.payloads().get(0).content(), StandardCharsets.UTF_8)).isEqualTo(ORDER);
            assertThat(s.payloads().get(0).contentType()).startsWith("application/hl7-v2");
        });
    }

    @Test
    void aMessageNoRouteTakesIsAnsweredArWithAnErrSegmentAndNotSubmitted() throws Exception {
        Message ack = send(ADT);

        assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AR");
        assertThat(ack.encode()).contains("ERR|").contains("no route");
        assertThat(submitted).isEmpty();
    }

    @Test
    void aSubmissionTheGatewayCouldNotStoreIsAnsweredArSoTheSenderTriesAgain() throws Exception {
        answer = new SubmissionResult.Refused("Unavailable", "the message could not be stored: disk full");

        Message ack = send(ORDER);

        assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AR");
        assertThat(ack.encode()).contains("ERR|").contains("disk full");
    }

    @Test
    void aSubmissionTheCpaRefusesIsAnsweredAr() throws Exception {
        answer = new SubmissionResult.Refused("NotAllowed", "this party may not send OrderLab");

        Message ack = send(ORDER);

        assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AR");
        assertThat(ack.encode()).contains("NotAllowed");
    }

    @Test
    void aMessageWhosePayloadTheCpaRefusesIsAnsweredAe() throws Exception {
        answer = new SubmissionResult.Refused("InvalidPayload", "the payload is too large");

        assertThat(new Terser(send(ORDER)).get("/MSA-1")).isEqualTo("AE");
    }

    @Test
    void anUnparseableMessageIsAnsweredWithAnErrorAckAndNotSubmitted() throws Exception {
        String answerText;
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            new MinLLPWriter(socket.getOutputStream(), StandardCharsets.UTF_8)
                    .writeMessage("EVN|A01|20260115103000\rPID|1||P1^^^RGH^MR||Doe^Jane\r");
            answerText = new MinLLPReader(socket.getInputStream(), StandardCharsets.UTF_8).getMessage();
        }

        assertThat(answerText).contains("MSA|AE").contains("ERR|").contains("does not parse");
        assertThat(submitted).isEmpty();
        assertThat(java.nio.file.Path.of("id_file")).doesNotExist();
    }

    private Message send(String er7) throws Exception {
        Connection connection = client.newClient("127.0.0.1", listener.port(), false);
        try {
            return connection.getInitiator().sendAndReceive(client.getPipeParser().parse(er7));
        } finally {
            connection.close();
        }
    }
}
