package org.ebrelay.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HL7 v2.5.1 messages in ER7 encoding for the end-to-end tests, each with a message control id (MSH-10) unique in
 * this JVM and across runs (a random run prefix and a counter), so a test can find its own message in any store.
 */
final class Hl7Messages {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Hl7Messages() {
    }

    /** A fresh MSH-10 value. */
    static String newId() {
        return "E2E" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** An ER7 message with its id: the bytes a test submits and expects to see delivered unchanged. */
    record Er7(String id, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A laboratory order (OML^O21) from the hospital to the laboratory. */
    static Er7 order() {
        String id = newId();
        return new Er7(id, segments(
                "MSH|^~\\&|RGH-HIS|RGH-0001|NRL-LIS|NRL-0042|20260115103000||OML^O21^OML_O21|" + id + "|P|2.5.1|||AL|NE||UNICODE UTF-8",
                "PID|1||P" + id + "^^^RGH^MR||Müller^Jürgen||19800101|M",
                "ORC|NW|O" + id + "^RGH",
                "OBR|1|O" + id + "^RGH||24331-1^Lipid panel^LN"));
    }

    /** A result (ORU^R01) from the laboratory to the hospital. */
    static Er7 result() {
        String id = newId();
        return new Er7(id, segments(
                "MSH|^~\\&|NRL-LIS|NRL-0042|RGH-HIS|RGH-0001|20260115113000||ORU^R01^ORU_R01|" + id + "|P|2.5.1|||AL|NE||UNICODE UTF-8",
                "PID|1||P" + id + "^^^RGH^MR||Doe^Jane||19750505|F",
                "OBR|1|O" + id + "^RGH|F" + id + "^NRL|24331-1^Lipid panel^LN|||20260115110000",
                "OBX|1|NM|2093-3^Cholesterol^LN||5.2|mmol/L|<5.2|H|||F"));
    }

    /** Segments ended by carriage returns, as ER7 requires, in UTF-8 (MSH-18 says so). */
    private static byte[] segments(String... segments) {
        return (String.join("\r", segments) + "\r").getBytes(StandardCharsets.UTF_8);
    }
}
