package org.ebrelay.boot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadTypesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "MSH|^~\\&|HIS|HOSPITAL;application/hl7-v2",
            "\u000BMSH|^~\\&|HIS;application/hl7-v2",
            "FHS|^~\\&|batch;application/hl7-v2",
            "MSH^~|\\&;application/hl7-v2",
            "MSHX;application/octet-stream",
            "<?xml version='1.0'?><PRPA_IN000001 xmlns='urn:hl7-org:v3'/>;text/xml",
            "  <ClinicalDocument xmlns='urn:hl7-org:v3'><id root='1'/></ClinicalDocument>;text/xml",
            "<order xmlns='urn:example'/>;application/xml",
            "<order/>;application/xml",
            "<not xml;application/octet-stream",
            "%PDF-1.7;application/octet-stream",
            "MS;application/octet-stream"})
    void theMediaTypeIsGuessedFromTheFirstBytes(String content, String type) {
        assertThat(PayloadTypes.guess(content.getBytes(StandardCharsets.UTF_8))).isEqualTo(type);
    }

    @Test
    void aByteOrderMarkAndLeadingLineBreaksAreSkipped() {
        byte[] content = "\uFEFF\r\n MSH|^~\\&|HIS".getBytes(StandardCharsets.UTF_8);

        assertThat(PayloadTypes.guess(content)).isEqualTo("application/hl7-v2");
    }
}
