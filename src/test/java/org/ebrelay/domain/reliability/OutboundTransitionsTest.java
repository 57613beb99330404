package org.ebrelay.domain.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutboundTransitionsTest {

    /** Rows: from; columns: to, in declaration order. x = allowed, . = refused. */
    private static final String[] TABLE = {
            //             QUE SEN AWA RET SLO MAN COM FAI EXP ABA
            "QUEUED         .   x   .   .   .   x   x   x   x   x",
            "SENDING        x   x   x   x   x   x   x   x   x   .",
            "AWAITING_ACK   .   x   .   .   x   x   x   x   x   x",
            "RETRYING       x   x   .   .   x   x   x   x   x   x",
            "SLOW_RETRY     x   x   .   .   .   x   x   x   x   x",
            "MANUAL         x   .   .   .   .   .   x   x   .   x",
            "COMPLETE       .   .   .   .   .   .   .   .   .   .",
            "FAILED         .   .   .   .   .   .   .   .   .   .",
            "EXPIRED        .   .   .   .   .   .   .   .   .   .",
            "ABANDONED      .   .   .   .   .   .   .   .   .   .",
    };

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        OutboundState[] states = OutboundState.values();
        for (String row : TABLE) {
            String[] cells = row.trim().split("\\s+");
            OutboundState from = OutboundState.valueOf(cells[0]);
            for (int i = 0; i < states.length; i++) {
                pairs.add(Arguments.of(from, states[i], cells[i + 1].equals("x")));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void allowsExactlyThePairsOfTheTable(OutboundState from, OutboundState to, boolean allowed) {
        assertThat(OutboundTransitions.isAllowed(from, to)).isEqualTo(allowed);
        assertThat(OutboundTransitions.allowedFrom(from).contains(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void requireAllowedRefusesEveryPairOutsideTheTable(OutboundState from, OutboundState to, boolean allowed) {
        if (allowed) {
            OutboundTransitions.requireAllowed(from, to);
        } else {
            assertThatIllegalArgumentException().isThrownBy(() -> OutboundTransitions.requireAllowed(from, to))
                    .withMessageContaining(from + " -> " + to);
        }
    }

    @Test
    void theTableCoversEveryState() {
        assertThat(TABLE).hasSize(OutboundState.values().length);
    }

    @Test
    void anAcknowledgmentOrPartnerErrorMaySettleEveryNonFinalState() {
        for (OutboundState from : OutboundState.values()) {
            assertThat(OutboundTransitions.isAllowed(from, OutboundState.COMPLETE)).isEqualTo(!from.isFinal());
            assertThat(OutboundTransitions.isAllowed(from, OutboundState.FAILED)).isEqualTo(!from.isFinal());
        }
    }

    @Test
    void finalStatesAreCompleteFailedExpiredAndAbandoned() {
        assertThat(List.of(OutboundState.values())).filteredOn(OutboundState::isFinal).containsExactly(
                OutboundState.COMPLETE, OutboundState.FAILED, OutboundState.EXPIRED, OutboundState.ABANDONED);
    }

    @Test
    void scheduledStatesAreThoseAClaimMayTakeAndHaveADueTime() {
        assertThat(List.of(OutboundState.values())).filteredOn(OutboundState::isScheduled)
                .containsExactlyInAnyOrderElementsOf(OutboundTransitions.claimable());
        assertThat(OutboundState.MANUAL.isScheduled()).isFalse();
    }

    @Test
    void everyClaimableStateMayMoveToSending() {
        for (OutboundState from : OutboundTransitions.claimable()) {
            assertThat(OutboundTransitions.isAllowed(from, OutboundState.SENDING)).as(from.name()).isTrue();
        }
    }

    @Test
    void storedCodesAreTheNamesAndReadBack() {
        for (OutboundState state : OutboundState.values()) {
            assertThat(state.code()).isEqualTo(state.name());
            assertThat(OutboundState.fromCode(state.code())).contains(state);
            assertThat(state.direction()).isEqualTo(Direction.OUTBOUND);
        }
        assertThat(OutboundState.fromCode("queued")).isEmpty();
        assertThat(OutboundState.fromCode(null)).isEmpty();
    }
}
