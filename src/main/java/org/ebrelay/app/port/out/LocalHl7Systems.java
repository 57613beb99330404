package org.ebrelay.app.port.out;

import org.ebrelay.app.hl7.Hl7Fields;

import java.util.Optional;

/** The local HL7 v2 systems ebrelay delivers to over MLLP, and the reading of HL7 v2 headers it routes by. */
public interface LocalHl7Systems extends AutoCloseable {
    /** The MSH fields of an HL7 v2 (ER7) payload, or empty when it is not one. */
    Optional<Hl7Fields> fields(String contentType, byte[] content);

    /**
     * Sends one message, in the charset its MSH-18 (or content type) declares, and waits for the system's HL7
     * acknowledgment. Never throws for a failed exchange: that is the answer.
     */
    Hl7Answer send(String host, int port, String contentType, byte[] content);

    /**
     * Sends an answer (an HL7 message with an MSA segment) without waiting for an acknowledgment: HL7 acknowledges
     * no acknowledgment (HAPI's own server answers none). On a connection of its own, closed once the message is
     * written: accepted ({@code AA}) once written, else no answer.
     */
    default Hl7Answer sendUnacknowledged(String host, int port, String contentType, byte[] content) {
        return send(host, port, contentType, content);
    }

    /**
     * MSA-2 of an HL7 v2 payload that is an answer (an ACK or a response with an MSA segment): the HL7 id of the
     * message it answers. Empty when the payload has no MSA segment, or an empty MSA-2.
     */
    default Optional<String> acknowledgedId(String contentType, byte[] content) {
        return Optional.empty();
    }

    /** Closes connections kept open. */
    @Override
    default void close() {
    }

    /**
     * How one exchange ended.
     *
     * @param code   MSA-1 (AA, AE, AR, CA, CE, CR), or null when there was no acknowledgment
     * @param detail the error the system gave (ERR, MSA-3), or why there was no answer; null when accepted
     * @param reply  the acknowledgment message as the system sent it, or null
     */
    record Hl7Answer(String code, String detail, Reply reply) {
        public Hl7Answer(String code, String detail) {
            this(code, detail, null);
        }

        /** The same answer with the acknowledgment message it came in. */
        public Hl7Answer withReply(Reply message) {
            return new Hl7Answer(code, detail, message);
        }

        public static Hl7Answer noAnswer(String why) {
            return new Hl7Answer(null, why);
        }

        public boolean accepted() {
            return "AA".equals(code) || "CA".equals(code);
        }

        /** AE/CE: the system found an error in the content; sending the same message again will not help. */
        public boolean contentError() {
            return "AE".equals(code) || "CE".equals(code);
        }

        public String describe() {
            if (code == null) {
                return "no HL7 acknowledgment (" + detail + ")";
            }
            return "HL7 " + code + (detail == null || detail.isBlank() ? "" : ": " + detail);
        }
    }

    /** An acknowledgment message as read: its media type with the charset it was read in, and its bytes. */
    record Reply(String contentType, byte[] content) {
    }
}
