package org.ebrelay.boot.bench;

import org.ebrelay.boot.demo.Hl7Samples;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's HL7 v2 orders: one template of the chosen size whose control id (MSH-10, also the order
 * numbers) is a fixed-width number, patched per message, so making a payload costs a copy.
 */
final class Payloads {
    private static final int DIGITS = 9;

    private final String prefix;
    private final byte[] template;
    private final int[] idOffsets;

    /** @param runTag a few letters that keep this run's HL7 ids apart from earlier runs' */
    Payloads(String runTag, int size, Instant at) {
        this.prefix = "B" + runTag + "-";
        String placeholder = prefix + "9".repeat(DIGITS);
        this.template = Hl7Samples.orderOfSize(placeholder, size, at);
        this.idOffsets = offsetsOf(template, placeholder.getBytes(StandardCharsets.US_ASCII));
    }

    String hl7Id(int i) {
        return prefix + String.format("%0" + DIGITS + "d", i);
    }

    /** The number in an HL7 id of this run, or -1. */
    int indexOf(String hl7Id) {
        if (hl7Id == null || !hl7Id.startsWith(prefix) || hl7Id.length() != prefix.length() + DIGITS) {
            return -1;
        }
        try {
            return Integer.parseInt(hl7Id, prefix.length(), hl7Id.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    byte[] payload(int i) {
        byte[] copy = template.clone();
        int value = i;
        byte[] digits = new byte[DIGITS];
        for (int d = DIGITS - 1; d >= 0; d--, value /= 10) {
            digits[d] = (byte) ('0' + value % 10);
        }
        for (int offset : idOffsets) {
            System.arraycopy(digits, 0, copy, offset + prefix.length(), DIGITS);
        }
        return copy;
    }

    int size() {
        return template.length;
    }

    private static int[] offsetsOf(byte[] text, byte[] what) {
        List<Integer> offsets = new ArrayList<>();
        outer:
        for (int i = 0; i + what.length <= text.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (text[i + j] != what[j]) {
                    continue outer;
                }
            }
            offsets.add(i);
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }
}
