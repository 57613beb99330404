package org.ebrelay.app;

import org.ebrelay.domain.message.PartyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PartyIdsTest {

    @ParameterizedTest(name = "{0} is type {1}, value {2}")
    @CsvSource({
            "urn:oid:1.2.3:LAB, urn:oid:1.2.3, LAB",
            "urn:osb:oin:0001, urn:osb:oin, 0001",
            "HOSPITAL:A, HOSPITAL, A",
            "'  urn:x:B  ', urn:x, B"})
    void typedTextIsSplitAtTheLastColon(String text, String type, String value) {
        PartyId partyId = PartyIds.parse(text);

        assertThat(partyId.type()).isEqualTo(type);
        assertThat(partyId.value()).isEqualTo(value);
    }

    @Test
    void aLeadingColonMeansUntypedAndKeepsEveryColonOfTheValue() {
        PartyId partyId = PartyIds.parse(":urn:oid:1.2.3.4");

        assertThat(partyId.isTyped()).isFalse();
        assertThat(partyId.value()).isEqualTo("urn:oid:1.2.3.4");
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "   ", "LAB", ":", "urn:oid:1.2.3:", ":  "})
    void textWithoutATypeSeparatorOrValueIsRefusedWithASentence(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> PartyIds.parse(text))
                .withMessageContaining("PartyId");
    }

    @Test
    void nullIsRefusedButOptionalParsingTurnsItIntoNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> PartyIds.parse(null));
        assertThat(PartyIds.parseOptional(null)).isNull();
        assertThat(PartyIds.parseOptional(" ")).isNull();
        assertThat(PartyIds.parseOptional("urn:x:A")).isEqualTo(PartyId.of("urn:x", "A"));
    }

    @Test
    void formatWritesTypedAndUntypedFormsThatParseBack() {
        PartyId typed = PartyId.of("urn:oid:1.2.3", "LAB");
        PartyId untyped = PartyId.untyped("urn:oid:1.2.3.4");

        assertThat(PartyIds.format(typed)).isEqualTo("urn:oid:1.2.3:LAB");
        assertThat(PartyIds.format(untyped)).isEqualTo(":urn:oid:1.2.3.4");
        assertThat(PartyIds.parse(PartyIds.format(typed))).isEqualTo(typed);
        assertThat(PartyIds.parse(PartyIds.format(untyped))).isEqualTo(untyped);
    }

    @Test
    void aTypedValueContainingAColonHasNoTextForm() {
        assertThat(PartyIds.hasTextForm(PartyId.of("urn:x", "a:b"))).isFalse();
        assertThat(PartyIds.hasTextForm(PartyId.of("urn:x", "ab"))).isTrue();
        assertThat(PartyIds.hasTextForm(PartyId.untyped("urn:a:b"))).isTrue();
    }
}
