package org.ebrelay.boot.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Made-up but realistic HL7 v2.5.1 laboratory messages in ER7 (segments ended by carriage returns): OML^O21 orders
 * from the hospital and ORU^R01 results from the laboratory. The patients and values are fictitious.
 */
public final class Hl7Samples {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** A patient and the test ordered for them. */
    private record Case(String mrn, String name, String birthDate, String sex, String test, String testName,
                        List<String> results) {
    }

    private static final List<Case> CASES = List.of(
            new Case("MRN100234", "Moreau^Claire^A", "19780312", "F", "24331-1", "Lipid panel - Serum or Plasma",
                    List.of("2093-3^Cholesterol [Mass/volume] in Serum or Plasma^LN||182|mg/dL|<200|N",
                            "2571-8^Triglyceride [Mass/volume] in Serum or Plasma^LN||140|mg/dL|<150|N",
                            "2085-9^HDL Cholesterol [Mass/volume] in Serum or Plasma^LN||52|mg/dL|>40|N")),
            new Case("MRN100871", "Okafor^Daniel^I", "19650927", "M", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood",
                    List.of("4548-4^Hemoglobin A1c/Hemoglobin.total in Blood^LN||7.4|%|4.0-5.6|H")),
            new Case("MRN101502", "Lindqvist^Astrid", "19910204", "F", "24323-8", "Comprehensive metabolic panel",
                    List.of("2345-7^Glucose [Mass/volume] in Serum or Plasma^LN||95|mg/dL|70-110|N",
                            "2160-0^Creatinine [Mass/volume] in Serum or Plasma^LN||0.8|mg/dL|0.6-1.1|N",
                            "2951-2^Sodium [Moles/volume] in Serum or Plasma^LN||139|mmol/L|135-145|N")),
            new Case("MRN102113", "Haddad^Samir^K", "19530818", "M", "58410-2", "CBC panel - Blood by Automated count",
                    List.of("6690-2^Leukocytes [#/volume] in Blood by Automated count^LN||11.8|10*3/uL|4.5-11.0|H",
                            "718-7^Hemoglobin [Mass/volume] in Blood^LN||13.9|g/dL|13.5-17.5|N")));

    private Hl7Samples() {
    }

    /** An OML^O21 order from the hospital's LIS to the laboratory; {@code n} picks the patient. */
    public static byte[] order(String controlId, String placerOrder, int n, Instant at) {
        Case c = CASES.get(Math.floorMod(n, CASES.size()));
        String ts = TS.format(at);
        String er7 = "MSH|^~\\&|RGH-LIS|RGH-0001|NRL-LAB|NRL-0042|" + ts + "||OML^O21^OML_O21|" + controlId
                + "|P|2.5.1|||AL|NE\r"
                + "PID|1||" + c.mrn() + "^^^RGH^MR||" + c.name() + "||" + c.birthDate() + "|" + c.sex()
                + "|||12 Harbour Road^^Riverside^^RV1 2AB\r"
                + "PV1|1|O|OPD^12^1^RGH\r"
                + "ORC|NW|" + placerOrder + "^RGH||||||||" + ts + "|||4711^Reyes^Ana^^^Dr\r"
                + "OBR|1|" + placerOrder + "^RGH||" + c.test() + "^" + c.testName() + "^LN|||" + ts + "\r"
                + "SPM|1|" + placerOrder + "-S1||SER^Serum^HL70487|||||||||||||" + ts + "\r";
        return er7.getBytes(StandardCharsets.UTF_8);
    }

    /** An ORU^R01 result for the order {@code placerOrder} from the laboratory back to the hospital. */
    public static byte[] result(String controlId, String placerOrder, int n, Instant at) {
        Case c = CASES.get(Math.floorMod(n, CASES.size()));
        String ts = TS.format(at);
        StringBuilder er7 = new StringBuilder()
                .append("MSH|^~\\&|NRL-LAB|NRL-0042|RGH-LIS|RGH-0001|").append(ts).append("||ORU^R01^ORU_R01|")
                .append(controlId).append("|P|2.5.1|||AL|NE\r")
                .append("PID|1||").append(c.mrn()).append("^^^RGH^MR||").append(c.name()).append("||")
                .append(c.birthDate()).append('|').append(c.sex()).append('\r')
                .append("ORC|RE|").append(placerOrder).append("^RGH|F-").append(placerOrder).append("^NRL\r")
                .append("OBR|1|").append(placerOrder).append("^RGH|F-").append(placerOrder).append("^NRL|")
                .append(c.test()).append('^').append(c.testName()).append("^LN|||").append(ts)
                .append("||||||||||||||").append(ts).append("|||F\r");
        for (int i = 0; i < c.results().size(); i++) {
            String[] split = c.results().get(i).split("\\|\\|", 2);
            er7.append("OBX|").append(i + 1).append("|NM|").append(split[0]).append("||").append(split[1])
                    .append("|||F|||").append(ts).append('\r');
        }
        return er7.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An OML^O21 of exactly {@code size} ASCII bytes (the benchmark's payload): an order for several tests, the
     * last segment a note that fills the size. At least about 400 bytes.
     */
    public static byte[] orderOfSize(String controlId, int size, Instant at) {
        String ts = TS.format(at);
        StringBuilder er7 = new StringBuilder()
                .append("MSH|^~\\&|RGH-LIS|RGH-0001|NRL-LAB|NRL-0042|").append(ts).append("||OML^O21^OML_O21|")
                .append(controlId).append("|P|2.5.1|||AL|NE\r")
                .append("PID|1||MRN100234^^^RGH^MR||Moreau^Claire^A||19780312|F|||12 Harbour Road^^Riverside^^RV1 2AB\r")
                .append("PV1|1|O|OPD^12^1^RGH\r");
        String note = "NTE|1|P|";
        for (int i = 0; ; i++) {
            Case c = CASES.get(i % CASES.size());
            String order = "ORC|NW|" + controlId + "-" + i + "^RGH||||||||" + ts + "|||4711^Reyes^Ana^^^Dr\r"
                    + "OBR|" + (i + 1) + "|" + controlId + "-" + i + "^RGH||" + c.test() + "^" + c.testName()
                    + "^LN|||" + ts + "\r";
            if (er7.length() + order.length() + note.length() + 1 > size) {
                break;
            }
            er7.append(order);
        }
        er7.append(note);
        String text = "Patient fasting since 22:00. Call ward 12 with critical values. ";
        while (er7.length() < size - 1) {
            er7.append(text, 0, Math.min(text.length(), size - 1 - er7.length()));
        }
        return er7.append('\r').toString().getBytes(StandardCharsets.US_ASCII);
    }
}
