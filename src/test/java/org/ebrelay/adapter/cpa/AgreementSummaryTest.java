package org.ebrelay.adapter.cpa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementSummaryTest {
    @Test
    void theExampleCpaIsSummarisedInPlainWords() {
        String summary = AgreementSummary.describe(AgreementResolutionTest.load("example-hl7v2-laboratory.xml"));
        assertThat(summary).isEqualTo("""
                CPA urn:example:cpa:RGH-0001:NRL-0042:hl7v2-laboratory:1 (version 1)
                  status agreed, valid from 2026-01-01T00:00:00Z until 2031-11-19T00:00:00Z

                Party RiversideGeneralHospital
                  PartyId RGH-0001 (type urn:oid:2.16.840.1.113883.19.5)
                  role OrderPlacer
                  endpoint https://ebms.riverside-hospital.example.org/ebms/inbound (allPurpose)
                  transport RGH_Transport: TLS 1.2 as client with certificate RGH_Cert; TLS 1.2 as server with certificate RGH_Cert
                  certificates RGH_Cert, RGH_TrustedCACert
                  MSH signals on channel RGH_MshSignalChannel, package MshSignalPackage

                Party NorthfieldRegionalLaboratory
                  PartyId NRL-0042 (type urn:oid:2.16.840.1.113883.19.5)
                  role OrderFiller
                  endpoint https://ebms.northfield-lab.example.org/ebms/inbound (allPurpose)
                  transport NRL_Transport: TLS 1.2 as client with certificate NRL_Cert; TLS 1.2 as server with certificate NRL_Cert
                  certificates NRL_Cert, NRL_TrustedCACert
                  MSH signals on channel NRL_MshSignalChannel, package MshSignalPackage

                Messages
                  OML_O21: RiversideGeneralHospital (OrderPlacer) -> NorthfieldRegionalLaboratory (OrderFiller)
                    service urn:example:services:hl7v2:laboratory (type urn:example:service-type:hl7v2), package HL7v2PayloadPackage
                    posted to https://ebms.northfield-lab.example.org/ebms/inbound
                    retries 3 times every 30 s; duplicates eliminated for 1 day; acknowledgment returned synchronously, signed; signed with rsa-sha256/sha256
                  ORU_R01: NorthfieldRegionalLaboratory (OrderFiller) -> RiversideGeneralHospital (OrderPlacer)
                    service urn:example:services:hl7v2:laboratory (type urn:example:service-type:hl7v2), package HL7v2PayloadPackage
                    posted to https://ebms.riverside-hospital.example.org/ebms/inbound
                    retries 3 times every 30 s; duplicates eliminated for 1 day; acknowledgment returned synchronously, signed; signed with rsa-sha256/sha256
                """);
    }

    @Test
    void theAsyncHarnessCpaIsSummarisedWithAsynchronousUnsignedAcks() {
        String summary = AgreementSummary.describe(AgreementResolutionTest.load("cpa-hl7-rm-async.xml"));
        assertThat(summary).isEqualTo("""
                CPA PEER-GATEWAY-HL7-RM-ASYNC (version 1.0)
                  status agreed, valid from 2024-01-01T00:00:00Z until 2034-01-01T00:00:00Z

                Party PEER
                  PartyId PEER (type urn:oid:1.2.826.0.1285.0.2.0.107)
                  role PEER
                  endpoint http://127.0.0.1:8301/ebms (allPurpose)
                  MSH signals on channel PEER_DefaultMshChannel, package MshSignalPackage

                Party GATEWAY
                  PartyId GATEWAY (type urn:oid:1.2.826.0.1285.0.2.0.107)
                  role GATEWAY
                  endpoint http://127.0.0.1:8302/ebms (allPurpose)
                  MSH signals on channel GATEWAY_DefaultMshChannel, package MshSignalPackage

                Messages
                  HL7Message: PEER (PEER) -> GATEWAY (GATEWAY)
                    service urn:example:services:hl7, package HL7MessagePackage
                    posted to http://127.0.0.1:8302/ebms
                    retries 3 times every 5 s; duplicates eliminated for 1 h; acknowledgment sent back asynchronously; not signed
                  HL7Message: GATEWAY (GATEWAY) -> PEER (PEER)
                    service urn:example:services:hl7, package HL7MessagePackage
                    posted to http://127.0.0.1:8301/ebms
                    retries 3 times every 5 s; duplicates eliminated for 1 h; acknowledgment sent back asynchronously; not signed
                """);
    }

    @Test
    void aBestEffortChannelSaysSo(@TempDir Path dir) throws IOException {
        String text = CpaFileLoaderTest.text(Path.of("cpa", "cpa-hl7-rm-async.xml")).replace(
                "tns:syncReplyMode=\"none\" tns:ackRequested=\"always\" tns:ackSignatureRequested=\"never\" tns:duplicateElimination=\"always\"",
                "tns:syncReplyMode=\"none\" tns:ackRequested=\"never\" tns:ackSignatureRequested=\"never\" tns:duplicateElimination=\"never\"");
        Path file = Files.writeString(dir.resolve("best-effort.xml"), text);
        CpaLoadResult result = new CpaFileLoader(CpaFileLoaderTest.CLOCK).load(file);
        assertThat(result.problems()).isEmpty();
        assertThat(AgreementSummary.describe(result.agreement()))
                .contains("\n    best effort: no acknowledgment, no retries; not signed\n");
    }
}
