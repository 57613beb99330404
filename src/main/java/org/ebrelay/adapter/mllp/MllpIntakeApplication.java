package org.ebrelay.adapter.mllp;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.protocol.impl.ApplicationRouterImpl;
import ca.uhn.hl7v2.util.Terser;
import org.ebrelay.adapter.hl7.Hl7Charsets;
import org.ebrelay.app.hl7.Hl7Fields;
import org.ebrelay.app.hl7.Hl7Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * HAPI's receiving application for MLLP in: hands each parsed message, as the bytes it arrived in, to
 * {@link Hl7Intake} and answers with the truth (HL7 original mode): AA once it is stored durably; AE with an ERR
 * segment when its content is wrong (it does not parse, the CPA refuses the payload); AR with an ERR segment when no
 * route takes it, its CPA refuses the route, or the gateway could not store it (sending it again may then work).
 */
final class MllpIntakeApplication implements ReceivingApplication<Message> {
    static final String CONTENT_TYPE = "application/hl7-v2";
    private static final Logger log = LoggerFactory.getLogger(MllpIntakeApplication.class);

    private final Hl7Intake intake;
    private final Charset fallback;

    MllpIntakeApplication(Hl7Intake intake, Charset fallback) {
        this.intake = intake;
        this.fallback = fallback;
    }

    @Override
    public boolean canProcess(Message message) {
        return true;
    }

    @Override
    public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
        if (message instanceof TolerantParser.Unparseable unparseable) {
            log.warn("an HL7 message received over MLLP does not parse: {}", unparseable.reason());
            return ack(message, AcknowledgmentCode.AE, new HL7Exception("the message does not parse as HL7 v2: "
                    + unparseable.reason(), ErrorCode.DATA_TYPE_ERROR));
        }
        try {
            Terser msh = new Terser(message);
            Hl7Fields fields = fields(msh);
            Charset charset = Hl7Charsets.forMsh18(msh.get("/MSH-18"), '~').orElse(fallback);
            String raw = (String) metadata.get(ApplicationRouterImpl.RAW_MESSAGE_KEY);
            byte[] content = (raw != null ? raw : message.encode()).getBytes(charset);
            Hl7Intake.Outcome outcome = intake.accept(fields, CONTENT_TYPE + "; charset=" + charset.name(), content);
            return acknowledge(message, outcome);
        } catch (RuntimeException e) {
            log.error("an HL7 message received over MLLP could not be handled", e);
            return ack(message, AcknowledgmentCode.AR, new HL7Exception("the gateway could not accept the message: "
                    + e.getMessage(), ErrorCode.APPLICATION_INTERNAL_ERROR));
        }
    }

    private static Message acknowledge(Message message, Hl7Intake.Outcome outcome) throws HL7Exception {
        if (outcome instanceof Hl7Intake.Accepted) {
            return ack(message, AcknowledgmentCode.AA, null);
        }
        if (outcome instanceof Hl7Intake.Unroutable unroutable) {
            return ack(message, AcknowledgmentCode.AR,
                    new HL7Exception(unroutable.detail(), ErrorCode.UNSUPPORTED_MESSAGE_TYPE));
        }
        Hl7Intake.Refused refused = (Hl7Intake.Refused) outcome;
        String text = refused.error() + ": " + refused.detail();
        if (refused.retryable()) {
            return ack(message, AcknowledgmentCode.AR, new HL7Exception(text, ErrorCode.APPLICATION_INTERNAL_ERROR));
        }
        return "InvalidPayload".equals(refused.error())
                ? ack(message, AcknowledgmentCode.AE, new HL7Exception(text, ErrorCode.DATA_TYPE_ERROR))
                : ack(message, AcknowledgmentCode.AR, new HL7Exception(text, ErrorCode.UNSUPPORTED_MESSAGE_TYPE));
    }

    private static Message ack(Message message, AcknowledgmentCode code, HL7Exception error) throws HL7Exception {
        try {
            return message.generateACK(code, error);
        } catch (IOException e) {
            throw new HL7Exception("could not build the acknowledgment", e);
        }
    }

    static Hl7Fields fields(Terser msh) throws HL7Exception {
        return new Hl7Fields(blankToNull(msh.get("/MSH-3-1")), blankToNull(msh.get("/MSH-4-1")),
                blankToNull(msh.get("/MSH-5-1")), blankToNull(msh.get("/MSH-6-1")), blankToNull(msh.get("/MSH-9-1")),
                blankToNull(msh.get("/MSH-9-2")), blankToNull(msh.get("/MSH-10")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
