package org.ebrelay.boot.cli;

import org.ebrelay.adapter.hl7.Hl7MessageIds;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InspectTextTest {
    private static final Hl7MessageIds HL7 = new Hl7MessageIds();

    private static String text(Decoded decoded) {
        return InspectText.render(InspectReport.from(decoded, HL7));
    }

    @Test
    void printsTheKindIdsPartiesAndServiceOfAMessage() {
        String text = text(new Decoded(InspectFixtures.userMessage(), null, List.of()));

        assertThat(text).contains(
                "Kind:                 UserMessage\n",
                "CPAId:                PEER-GATEWAY-HL7-RM-SYNC\n",
                "MessageId:            msg-1@peer\n",
                "RefToMessageId:       -\n",
                "Timestamp:            2026-11-21T23:08:01.339Z\n",
                "From:                 PEER [type urn:oid:1.2.826.0.1285.0.2.0.107], urn:example:peer; role PEER\n",
                "Service:              urn:example:services:hl7 [type urn:example:type]\n",
                "Action:               HL7Message\n",
                "AckRequested:         yes, signed, actor urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH\n",
                "DuplicateElimination: yes\n",
                "SyncReply:            no\n",
                "MessageOrder:         1 (Reset)\n",
                "Result:               valid\n");
    }

    @Test
    void printsEachPayloadWithItsHl7Id() {
        String text = text(new Decoded(InspectFixtures.userMessage(), null, List.of()));

        assertThat(text).contains("Payloads:             2\n",
                "  cid:hl7@peer  application/hl7-v2  " + InspectFixtures.ER7.length() + " bytes  HL7 id: HL7-0001\n",
                "  cid:note@peer  text/plain  7 bytes  HL7 id: -\n");
    }

    @Test
    void printsCarriedErrorsThenProblemsAsCodeSeverityLocationAndDescription() {
        EbmsError problem = EbmsError.error(ErrorCode.INCONSISTENT, "//eb:MessageOrder", "MessageOrder with SyncReply");
        EbmsError noLocation = EbmsError.warning(ErrorCode.OTHER_XML, null, "odd");

        String text = text(new Decoded(InspectFixtures.messageError(), null, List.of(problem, noLocation)));

        assertThat(text).contains("Errors carried:       2\n  ValueNotRecognized (Error): 501319:Unknown eb:CPAId\n");
        assertThat(text).contains("Problems:             2\n"
                + "  Inconsistent (Error) at //eb:MessageOrder: MessageOrder with SyncReply\n"
                + "  OtherXml (Warning): odd\n");
        assertThat(text.indexOf("Errors carried")).isLessThan(text.indexOf("Problems"));
        assertThat(text).endsWith("Result:               1 error(s)\n");
    }

    @Test
    void printsAReceivedFault() {
        String text = text(new Decoded(null, new SoapFault("Server", "Application Exception", "200"), List.of()));

        assertThat(text).contains("Kind:                 SoapFault (a SOAP Fault, not an ebXML message)\n",
                "Fault code:           Server\n",
                "Fault string:         Application Exception\n",
                "Detail:               200\n",
                "Problems:             none\n");
        assertThat(text).doesNotContain("CPAId");
    }

    @Test
    void saysWhyAMessageIsUnreadable() {
        String text = text(new Decoded(null, null, List.of(EbmsError.error(ErrorCode.OTHER_XML, null, "not XML"))));

        assertThat(text).contains("Kind:                 unreadable (not an ebXML message)\n",
                "  OtherXml (Error): not XML\n", "Result:               unreadable\n");
    }
}
