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

    /** Closes connections kept open. */
    @Override
    default void close() {
    }

    /**
     * How one exchange ended.
     *
     * @param code   MSA-1 (AA, AE, AR, CA, CE, CR), or null when there was no acknowledgment
     * @param detail the error the system gave (ERR, MSA-3), or why there was no answer; null when accepted
     */
    record Hl7Answer(String code, String detail) {
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
}
