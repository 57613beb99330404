package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.Decoded;

import org.ebrelay.app.port.out.WireMessage;

import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.adapter.soap.DecoderNegativeCasesTest.swap;
import static org.ebrelay.adapter.soap.TestMessages.bare;
import static org.ebrelay.adapter.soap.TestMessages.mshMessage;
import static org.ebrelay.adapter.soap.TestMessages.packaged;
import static org.ebrelay.adapter.soap.TestMessages.userMessage;

class DecoderSchemaValidationTest {
    private static final EbmsDecoder VALIDATING = new EbmsDecoder();
    private static final EbmsDecoder NOT_VALIDATING = new EbmsDecoder(new EbmsDecoder.Options(1 << 20, false));

    @Test
    void aViolationOnlyTheSchemaSeesIsOtherXmlAtTheOffendingElement() {
        WireMessage wire = packaged(swap(userMessage(), "<eb:Action>", "<eb:Unexpected>x</eb:Unexpected><eb:Action>"));

        assertThat(VALIDATING.decode(wire).problems()).singleElement().satisfies(p -> {
            assertThat(p.is(ErrorCode.OTHER_XML)).isTrue();
            assertThat(p.location()).isEqualTo("//Header/MessageHeader/Unexpected");
            assertThat(p.description()).contains("schema").contains("line 3");
        });
        assertThat(NOT_VALIDATING.decode(wire).problems()).isEmpty();
    }

    @Test
    void anAttributeViolationIsLocatedAtTheAttribute() {
        WireMessage wire = packaged(swap(userMessage(), "<eb:Reference ", "<eb:Reference xlink:type=\"extended\" "));

        assertThat(VALIDATING.decode(wire).problems()).extracting(EbmsError::location)
                .containsExactly("//Body/Manifest/Reference/@type");
    }

    @Test
    void aDefectTheDecoderAlreadyNamedIsNotReportedAgainByTheSchema() {
        WireMessage wire = bare(mshMessage("StatusResponse", "req@x", "", "<eb:StatusResponse eb:version=\"2.0\" "
                + "eb:messageStatus=\"Lost\"><eb:RefToMessageId>asked@x</eb:RefToMessageId></eb:StatusResponse>"));

        assertThat(VALIDATING.decode(wire).problems()).singleElement()
                .extracting(EbmsError::location).isEqualTo("//Body/StatusResponse/@messageStatus");
    }

    @Test
    void anUnexpectedElementIsReportedOnceAtItsOwnLocation() {
        WireMessage wire = packaged(swap(userMessage(), "<eb:MessageData>", "<eb:MessageData><eb:Bogus/>"));

        assertThat(VALIDATING.decode(wire).problems()).extracting(EbmsError::location)
                .containsExactly("//Header/MessageHeader/MessageData/Bogus");
    }

    @Test
    void aMissingElementTheDecoderReportsIsNotDoubledByTheSchemaComplainingAtTheNextSibling() {
        WireMessage wire = bare(swap(TestMessages.acknowledgment(""), "<eb:Timestamp>2026-11-21T10:00:01Z</eb:Timestamp>", ""));

        assertThat(VALIDATING.decode(wire).problems()).extracting(EbmsError::location)
                .containsExactly("//Header/Acknowledgment/Timestamp");
    }

    @Test
    void aMissingRoleIsNotAProblemButAnEmptyOneIsReportedOnce() {
        WireMessage wire = packaged(swap(userMessage(), "<eb:Role>Sender</eb:Role>", "<eb:Role></eb:Role>"));

        assertThat(VALIDATING.decode(packaged(swap(userMessage(), "<eb:Role>Sender</eb:Role>", ""))).problems()).isEmpty();
        assertThat(VALIDATING.decode(wire).problems()).extracting(EbmsError::location)
                .containsExactly("//Header/MessageHeader/From/Role");
    }

    @Test
    void theLenientMustUnderstandTrueIsAcceptedButOtherWrongValuesAreNot() {
        String lenient = swap(userMessage(), "soap:mustUnderstand=\"1\" eb:signed", "soap:mustUnderstand=\"true\" eb:signed");
        String wrong = swap(userMessage(), "soap:mustUnderstand=\"1\" eb:signed", "soap:mustUnderstand=\"yes\" eb:signed");

        assertThat(VALIDATING.decode(packaged(lenient)).problems()).isEmpty();
        assertThat(VALIDATING.decode(packaged(wrong)).problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.location()).isEqualTo("//Header/AckRequested/@mustUnderstand"));
    }

    @Test
    void withoutSchemaValidationTheSignedAcknowledgmentWithPlaceholdersIsValid() {
        Decoded decoded = NOT_VALIDATING.decode(WireInputs.read(
                GoldenFiles.bytes("04-nav-signed-acknowledgment-with-ds-reference.xml")));

        assertThat(decoded.isValid()).isTrue();
        assertThat(decoded.problems()).isEmpty();
    }
}
