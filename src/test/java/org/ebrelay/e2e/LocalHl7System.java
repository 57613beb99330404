package org.ebrelay.e2e;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.protocol.impl.ApplicationRouterImpl;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hospital or laboratory system behind a gateway, as HAPI's own MLLP server and client: it records every message
 * it receives (as text) and answers with the acknowledgment code it is told to.
 */
final class LocalHl7System implements AutoCloseable {
    private final HapiContext context = new DefaultHapiContext(ValidationContextFactory.noValidation());
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile AcknowledgmentCode answer = AcknowledgmentCode.AA;
    private boolean takesAnswers;
    private HL7Service server;

    LocalHl7System(int port) {
        this.port = port;
        context.getParserConfiguration().setIdGenerator(new UUIDGenerator());
        MinLowerLayerProtocol llp = new MinLowerLayerProtocol(true);
        llp.setCharset(StandardCharsets.UTF_8);
        context.setLowerLayerProtocol(llp);
    }

    int port() {
        return port;
    }

    /**
     * Also takes HL7 answers (messages with MSA-2) that answer nothing it sent on the connection: HAPI's server
     * ignores those unless told to accept all messages, as an interface engine's return port does.
     */
    LocalHl7System takingAnswers() {
        this.takesAnswers = true;
        return this;
    }

    /** Starts listening on its port (again, after {@link #stop()}). */
    LocalHl7System start() throws InterruptedException {
        server = context.newServer(port, false, takesAnswers);
        server.registerApplication(new ReceivingApplication<>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
                received.add((String) metadata.get(ApplicationRouterImpl.RAW_MESSAGE_KEY));
                try {
                    return answer == AcknowledgmentCode.AA ? message.generateACK()
                            : message.generateACK(answer, new HL7Exception("refused by the test", ErrorCode.DATA_TYPE_ERROR));
                } catch (IOException e) {
                    throw new HL7Exception(e);
                }
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        server.startAndWait();
        return this;
    }

    void stop() {
        if (server != null) {
            server.stopAndWait();
            server = null;
        }
    }

    void answerWith(AcknowledgmentCode code) {
        this.answer = code;
    }

    /** Every message received so far, as text, in arrival order. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** Sends {@code er7} over MLLP to {@code port} with HAPI's client; returns the acknowledgment. */
    Message send(int gatewayPort, String er7) throws Exception {
        var connection = context.newClient("127.0.0.1", gatewayPort, false);
        try {
            return connection.getInitiator().sendAndReceive(context.getPipeParser().parse(er7));
        } finally {
            connection.close();
        }
    }

    /** Sends each of {@code er7s} in turn on one MLLP connection, as an interface engine feeding a gateway does. */
    List<Message> sendInTurn(int gatewayPort, List<String> er7s) throws Exception {
        var connection = context.newClient("127.0.0.1", gatewayPort, false);
        try {
            List<Message> answers = new java.util.ArrayList<>();
            for (String er7 : er7s) {
                answers.add(connection.getInitiator().sendAndReceive(context.getPipeParser().parse(er7)));
            }
            return answers;
        } finally {
            connection.close();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        context.close();
    }
}
