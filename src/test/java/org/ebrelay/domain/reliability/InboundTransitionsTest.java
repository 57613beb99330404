package org.ebrelay.domain.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundTransitionsTest {

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @CsvSource({
            "RECEIVED,  RECEIVED,  false",
            "RECEIVED,  DELIVERED, true",
            "RECEIVED,  REJECTED,  true",
            "DELIVERED, RECEIVED,  false",
            "DELIVERED, DELIVERED, false",
            "DELIVERED, REJECTED,  false",
            "REJECTED,  RECEIVED,  false",
            "REJECTED,  DELIVERED, false",
            "REJECTED,  REJECTED,  false",
    })
    void allowsOnlyLeavingReceived(InboundState from, InboundState to, boolean allowed) {
        assertThat(InboundTransitions.isAllowed(from, to)).isEqualTo(allowed);
        if (!allowed) {
            assertThatIllegalArgumentException().isThrownBy(() -> InboundTransitions.requireAllowed(from, to));
        }
    }

    @ParameterizedTest
    @CsvSource({"RECEIVED, false", "DELIVERED, true", "REJECTED, true"})
    void deliveredAndRejectedAreFinal(InboundState state, boolean isFinal) {
        assertThat(state.isFinal()).isEqualTo(isFinal);
        assertThat(state.code()).isEqualTo(state.name());
        assertThat(InboundState.fromCode(state.name())).contains(state);
        assertThat(state.direction()).isEqualTo(Direction.INBOUND);
    }
}
