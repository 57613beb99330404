package org.ebrelay.boot.demo;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import org.ebrelay.adapter.hl7.Hl7MessageIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class Hl7SamplesTest {
    private static final Instant AT = Instant.parse("2026-11-21T10:30:00Z");
    private static HapiContext hapi;

    @BeforeAll
    static void hapi() {
        hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
    }

    @AfterAll
    static void closeHapi() throws Exception {
        hapi.close();
    }

    private static Message parse(byte[] er7) throws Exception {
        return hapi.getPipeParser().parse(new String(er7, StandardCharsets.US_ASCII));
    }

    @Test
    void anOrderIsAnOmlO21FromTheHospitalWithTheGivenControlId() throws Exception {
        byte[] order = Hl7Samples.order("ORD-ABC-01", "PLC-ABC-1", 0, AT);

        Message parsed = parse(order);
        assertThat(parsed.getName()).isEqualTo("OML_O21");
        assertThat(new String(order, StandardCharsets.US_ASCII)).startsWith(
                "MSH|^~\\&|RGH-LIS|RGH-0001|NRL-LAB|NRL-0042|20261121103000||OML^O21^OML_O21|ORD-ABC-01|P|2.5.1");
        assertThat(new Hl7MessageIds().extract("application/hl7-v2", order)).contains("ORD-ABC-01");
    }

    @Test
    void aResultIsAnOruR01FromTheLaboratoryWithOneObxPerValue() throws Exception {
        byte[] result = Hl7Samples.result("RES-ABC-01", "PLC-ABC-1", 0, AT);

        Message parsed = parse(result);
        assertThat(parsed.getName()).isEqualTo("ORU_R01");
        String text = new String(result, StandardCharsets.US_ASCII);
        assertThat(text).contains("|NRL-LAB|NRL-0042|RGH-LIS|RGH-0001|").contains("ORC|RE|PLC-ABC-1^RGH|");
        assertThat(text.split("\r")).filteredOn(segment -> segment.startsWith("OBX|")).hasSize(3);
        assertThat(new Hl7MessageIds().extract("application/hl7-v2", result)).contains("RES-ABC-01");
    }

    @Test
    void theBenchmarkOrderHasExactlyTheAskedSizeAndStaysAValidOmlO21() throws Exception {
        for (int size : new int[] {600, 2048, 2049, 4096}) {
            byte[] order = Hl7Samples.orderOfSize("BX-000000001", size, AT);

            assertThat(order).hasSize(size);
            assertThat(parse(order).getName()).isEqualTo("OML_O21");
            assertThat(new Hl7MessageIds().extract("application/hl7-v2", order)).contains("BX-000000001");
        }
    }
}
