package org.ebrelay.boot.cli;

import org.ebrelay.adapter.hl7.Hl7MessageIds;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.boot.cli.InspectReport.ErrorView;
import org.ebrelay.boot.cli.InspectReport.PartyIdView;
import org.ebrelay.boot.cli.InspectReport.PayloadView;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InspectReportTest {
    private static final Hl7MessageIds HL7 = new Hl7MessageIds();

    private static InspectReport report(Decoded decoded) {
        return InspectReport.from(decoded, HL7);
    }

    @Test
    void reportsTheHeaderOfAUserMessageFieldByField() {
        InspectReport r = report(new Decoded(InspectFixtures.userMessage(), null, List.of()));

        assertThat(r.readable()).isTrue();
        assertThat(r.valid()).isTrue();
        assertThat(r.kind()).isEqualTo("UserMessage");
        assertThat(r.cpaId()).isEqualTo("PEER-GATEWAY-HL7-RM-SYNC");
        assertThat(r.conversationId()).isEqualTo("conv-1");
        assertThat(r.messageId()).isEqualTo("msg-1@peer");
        assertThat(r.refToMessageId()).isNull();
        assertThat(r.timestamp()).isEqualTo(InspectFixtures.SENT);
        assertThat(r.timeToLive()).isEqualTo(InspectFixtures.EXPIRES);
        assertThat(r.from().partyIds()).containsExactly(
                new PartyIdView("urn:oid:1.2.826.0.1285.0.2.0.107", "PEER"), new PartyIdView(null, "urn:example:peer"));
        assertThat(r.from().role()).isEqualTo("PEER");
        assertThat(r.to().partyIds()).containsExactly(new PartyIdView("urn:oid:1.2.826.0.1285.0.2.0.107", "GATEWAY"));
        assertThat(r.to().role()).isEqualTo("GATEWAY");
        assertThat(r.service()).isEqualTo(new InspectReport.ServiceView("urn:example:type", "urn:example:services:hl7"));
        assertThat(r.action()).isEqualTo("HL7Message");
        assertThat(r.faultCode()).isNull();
    }

    @Test
    void reportsTheReliabilityAndSecurityFlags() {
        InspectReport r = report(new Decoded(InspectFixtures.userMessage(), null, List.of()));

        assertThat(r.ackRequested()).isEqualTo(
                new InspectReport.AckRequestedView("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH", true));
        assertThat(r.duplicateElimination()).isTrue();
        assertThat(r.syncReply()).isFalse();
        assertThat(r.signed()).isTrue();
        assertThat(r.messageOrder()).isEqualTo(new InspectReport.MessageOrderView(1, "Reset"));
        assertThat(r.acknowledgment()).isNull();
        assertThat(r.statusRequest()).isNull();
        assertThat(r.statusResponse()).isNull();
    }

    @Test
    void reportsEachPayloadWithItsHl7IdOrNull() {
        InspectReport r = report(new Decoded(InspectFixtures.userMessage(), null, List.of()));

        assertThat(r.payloads()).containsExactly(
                new PayloadView("hl7@peer", "application/hl7-v2", InspectFixtures.ER7.length(), "HL7-0001"),
                new PayloadView("note@peer", "text/plain", 7, null));
    }

    @Test
    void aMessageErrorCarryingErrorsIsValidAndListsThemAsErrorsNotProblems() {
        InspectReport r = report(new Decoded(InspectFixtures.messageError(), null, List.of()));

        assertThat(r.kind()).isEqualTo("MessageError");
        assertThat(r.valid()).isTrue();
        assertThat(r.refToMessageId()).isEqualTo("orig-1@gateway");
        assertThat(r.errors()).containsExactly(
                new ErrorView("ValueNotRecognized", "Error", null, "501319:Unknown eb:CPAId", ErrorCode.CODE_CONTEXT),
                new ErrorView("OtherXml", "Warning", "//eb:Description", "odd description", ErrorCode.CODE_CONTEXT));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void anErrorProblemMakesTheMessageInvalidAndAWarningDoesNot() {
        EbmsError error = EbmsError.error(ErrorCode.INCONSISTENT, "//eb:MessageOrder", "MessageOrder with SyncReply");
        EbmsError warning = EbmsError.warning(ErrorCode.OTHER_XML, null, "mustUnderstand=\"true\"");

        InspectReport invalid = report(new Decoded(InspectFixtures.userMessage(), null, List.of(error, warning)));
        InspectReport warned = report(new Decoded(InspectFixtures.userMessage(), null, List.of(warning)));

        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.problems()).containsExactly(
                new ErrorView("Inconsistent", "Error", "//eb:MessageOrder", "MessageOrder with SyncReply",
                        ErrorCode.CODE_CONTEXT),
                new ErrorView("OtherXml", "Warning", null, "mustUnderstand=\"true\"", ErrorCode.CODE_CONTEXT));
        assertThat(invalid.errors()).isEmpty();
        assertThat(warned.valid()).isTrue();
        assertThat(warned.problems()).hasSize(1);
    }

    @Test
    void reportsTheAcknowledgmentWithItsSignatureReferences() {
        InspectReport r = report(new Decoded(InspectFixtures.signedAcknowledgment(), null, List.of()));

        assertThat(r.kind()).isEqualTo("Acknowledgment");
        InspectReport.AcknowledgmentView ack = r.acknowledgment();
        assertThat(ack.timestamp()).isEqualTo(Instant.parse("2026-11-21T23:08:02Z"));
        assertThat(ack.refToMessageId()).isEqualTo("orig-1@gateway");
        assertThat(ack.from().partyIds()).containsExactly(new PartyIdView("urn:oid:1.2.826.0.1285.0.2.0.107", "GATEWAY"));
        assertThat(ack.from().role()).isNull();
        assertThat(ack.actor()).isEqualTo("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH");
        assertThat(ack.references()).containsExactly(new InspectReport.ReferenceView("",
                List.of("http://www.w3.org/2000/09/xmldsig#enveloped-signature"),
                "http://www.w3.org/2001/04/xmlenc#sha256", "ZGlnZXN0"));
    }

    @Test
    void reportsStatusRequestsAndResponses() {
        InspectReport request = report(new Decoded(InspectFixtures.statusRequest(), null, List.of()));
        InspectReport response = report(new Decoded(InspectFixtures.statusResponse(), null, List.of()));

        assertThat(request.kind()).isEqualTo("StatusRequest");
        assertThat(request.statusRequest().refToMessageId()).isEqualTo("asked-about@peer");
        assertThat(request.syncReply()).isTrue();
        assertThat(response.kind()).isEqualTo("StatusResponse");
        assertThat(response.statusResponse()).isEqualTo(new InspectReport.StatusResponseView("Received",
                "asked-about@peer", Instant.parse("2026-11-20T10:00:00Z")));
    }

    @Test
    void aReceivedSoapFaultIsReadableAndReportedAsSuch() {
        InspectReport r = report(new Decoded(null, new SoapFault("Server", "Application Exception", "200"), List.of()));

        assertThat(r.readable()).isTrue();
        assertThat(r.valid()).isTrue();
        assertThat(r.kind()).isEqualTo("SoapFault");
        assertThat(r.faultCode()).isEqualTo("Server");
        assertThat(r.faultString()).isEqualTo("Application Exception");
        assertThat(r.faultDetail()).isEqualTo("200");
        assertThat(r.messageId()).isNull();
        assertThat(r.payloads()).isEmpty();
    }

    @Test
    void anUnreadableMessageHasNoKindAndSaysWhy() {
        EbmsError why = EbmsError.error(ErrorCode.OTHER_XML, null, "not well-formed XML at line 1");

        InspectReport r = report(new Decoded(null, null, List.of(why)));

        assertThat(r.readable()).isFalse();
        assertThat(r.valid()).isFalse();
        assertThat(r.kind()).isNull();
        assertThat(r.faultCode()).isNull();
        assertThat(r.problems()).extracting(ErrorView::description).containsExactly("not well-formed XML at line 1");
    }

    @Test
    void exitCodeIsZeroWhenValidOneWithErrorsTwoWhenUnreadable() {
        EbmsError error = EbmsError.error(ErrorCode.INCONSISTENT, null, "bad");
        EbmsError warning = EbmsError.warning(ErrorCode.OTHER_XML, null, "odd");

        assertThat(InspectCommand.exitCode(new Decoded(InspectFixtures.userMessage(), null, List.of()))).isZero();
        assertThat(InspectCommand.exitCode(new Decoded(InspectFixtures.userMessage(), null, List.of(warning)))).isZero();
        assertThat(InspectCommand.exitCode(new Decoded(InspectFixtures.messageError(), null, List.of()))).isZero();
        assertThat(InspectCommand.exitCode(new Decoded(null, SoapFault.client("no"), List.of()))).isZero();
        assertThat(InspectCommand.exitCode(new Decoded(InspectFixtures.userMessage(), null, List.of(error)))).isEqualTo(1);
        assertThat(InspectCommand.exitCode(new Decoded(null, null, List.of(error)))).isEqualTo(2);
    }
}
