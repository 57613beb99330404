package org.ebrelay.app.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ebrelay.adapter.cpa.CpaFileLoader;
import org.ebrelay.adapter.cpa.CpaLoadResult;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A route is multi-hop when its CPA asks for acknowledgments from the next MSH (an intermediary on the way). */
class CpaMultiHopTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final MessageHeading ORDER = new MessageHeading(CpaId.of("urn:ebrelay:demo:cpa:hospital-lab:1"),
            ConversationId.of("c"), MessageId.of("m@x"), null,
            PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:RGH-0001"),
            PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:NRL-0042"),
            Service.of("urn:example:service-type:hl7v2", "urn:example:services:hl7v2:laboratory"), "OML_O21", T0);

    @TempDir
    Path dir;

    @Test
    void theShippedDemoCpaIsSingleHop() throws Exception {
        assertThat(new CpaMultiHop(registry(demo())).test(ORDER)).isFalse();
    }

    @Test
    void aCpaWhoseReceivingChannelAcknowledgesFromTheNextMshIsMultiHop() throws Exception {
        String viaHub = demo().replace("tns:actor=\"urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH\"",
                "tns:actor=\"urn:oasis:names:tc:ebxml-msg:actor:nextMSH\"");
        assertThat(viaHub).isNotEqualTo(demo());

        assertThat(new CpaMultiHop(registry(viaHub)).test(ORDER)).isTrue();
    }

    @Test
    void anUnknownCpaCountsAsSingleHop() {
        assertThat(new CpaMultiHop(new AgreementRegistry(List.of())).test(ORDER)).isFalse();
    }

    private static String demo() throws Exception {
        return Files.readString(Path.of("cpa/demo-hospital-lab.xml"), StandardCharsets.UTF_8);
    }

    private AgreementRegistry registry(String xml) throws Exception {
        Path file = Files.writeString(dir.resolve("cpa.xml"), xml, StandardCharsets.UTF_8);
        CpaLoadResult loaded = new CpaFileLoader(Clock.fixed(T0, ZoneOffset.UTC)).load(file);
        assertThat(loaded.isValid()).as("%s", loaded.problems()).isTrue();
        return new AgreementRegistry(List.of(loaded.agreement()));
    }
}
