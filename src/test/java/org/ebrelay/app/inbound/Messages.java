package org.ebrelay.app.inbound;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsMessageBuilder;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.Service;

/**
 * Messages of the demo CPA (cpa/demo-hospital-lab.xml): the hospital (RGH-0001, OrderPlacer) sends OML_O21 orders to
 * the laboratory (NRL-0042, OrderFiller); reliable, acknowledged synchronously (mshSignalsOnly). The node under test
 * acts for the laboratory.
 */
final class Messages {
    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    static final Path DEMO_CPA = Path.of("cpa", "demo-hospital-lab.xml");
    static final Path ASYNC_CPA = Path.of("cpa", "cpa-hl7-rm-async.xml");
    static final Path SYNC_CPA = Path.of("cpa", "cpa-hl7-rm-sync.xml");
    static final CpaId DEMO = CpaId.of("urn:ebrelay:demo:cpa:hospital-lab:1");
    static final String OID = "urn:oid:2.16.840.1.113883.19.5";
    static final PartyId HOSPITAL = PartyId.of(OID, "RGH-0001");
    static final PartyId LAB = PartyId.of(OID, "NRL-0042");
    static final Service LABORATORY = Service.of("urn:example:service-type:hl7v2",
            "urn:example:services:hl7v2:laboratory");
    static final String HOSPITAL_ENDPOINT = "http://127.0.0.1:8081/ebms";

    /** The ebms-core harness parties (cpa/cpa-hl7-rm-*.xml). */
    static final String HARNESS_OID = "urn:oid:1.2.826.0.1285.0.2.0.107";
    static final PartyId PEER = PartyId.of(HARNESS_OID, "PEER");
    static final PartyId GATEWAY = PartyId.of(HARNESS_OID, "GATEWAY");
    static final CpaId HARNESS_ASYNC = CpaId.of("PEER-GATEWAY-HL7-RM-ASYNC");
    static final Service HL7 = Service.of(null, "urn:example:services:hl7");

    private Messages() {
    }

    static MessageId messageId(String key) {
        return MessageId.of(key + "@hospital.test");
    }

    /** An HL7 v2 order whose MSH-10 is {@code HL7-key}. */
    static Payload order(String key) {
        return Payload.text("hl7-" + key + "@hospital.test", "application/hl7-v2; charset=UTF-8",
                "MSH|^~\\&|RGH|RGH|NRL|NRL|20270301120000||OML^O21^OML_O21|HL7-" + key + "|P|2.5.1\r"
                        + "PID|1||12345^^^RGH||Doe^Jane\r");
    }

    /** A reliable order exactly as the demo CPA wants it: AckRequested, DuplicateElimination, SyncReply. */
    static EbmsMessageBuilder reliableOrder(String key) {
        return EbmsMessageBuilder.withHeader(header(key, true))
                .ackRequested(AckRequested.toPartyMsh(false)).syncReply(true).payload(order(key));
    }

    static MessageHeader header(String key, boolean duplicateElimination) {
        return new MessageHeader(Party.of(HOSPITAL, "OrderPlacer"), Party.of(LAB, "OrderFiller"), DEMO,
                ConversationId.of("conv-" + key), LABORATORY, "OML_O21",
                new MessageData(messageId(key), NOW.minusSeconds(1), null, null), duplicateElimination, List.of());
    }

    /** A reliable message of the asynchronous harness CPA, from PEER to GATEWAY. */
    static EbmsMessageBuilder asyncHarnessMessage(String key) {
        MessageHeader header = new MessageHeader(Party.of(PEER, "PEER"), Party.of(GATEWAY, "GATEWAY"),
                HARNESS_ASYNC, ConversationId.of("conv-" + key), HL7, "HL7Message",
                new MessageData(MessageId.of(key + "@peer.test"), NOW.minusSeconds(1), null, null), true, List.of());
        return EbmsMessageBuilder.withHeader(header).ackRequested(AckRequested.toPartyMsh(false))
                .payload(order(key));
    }
}
