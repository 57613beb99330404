package org.ebrelay.boot;

import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up refuses an MLLP section that cannot work, naming each problem. */
class MllpSetupTest {
    private static final GatewayConfig.MllpRoute ROUTE = new GatewayConfig.MllpRoute("lab-orders", null, null, null,
            null, "OML", "O21", "urn:cpa:1", null, "urn:oid:1:NRL", null, null, "OML_O21");

    @Test
    void aValidSectionHasNoProblems() {
        List<String> problems = check(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(1), Duration.ofSeconds(1),
                List.of(new GatewayConfig.MllpListener(null, 2575)), List.of(ROUTE), List.of(destination(2576))));

        assertThat(problems).isEmpty();
    }

    @Test
    void listenersWithoutRoutesAnUnknownCharsetABadPartyAndABadPortAreEachNamed() {
        GatewayConfig.MllpRoute badParty = new GatewayConfig.MllpRoute("bad", null, null, null, null, null, null,
                "urn:cpa:1", null, "no-colon", null, null, "x");
        List<String> problems = check(new GatewayConfig.Mllp("NOT-A-CHARSET", Duration.ofSeconds(1),
                Duration.ofSeconds(1), List.of(new GatewayConfig.MllpListener(null, 2575)), List.of(),
                List.of(destination(70000))));
        List<String> routeProblems = check(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(1),
                Duration.ofSeconds(1), List.of(), List.of(badParty), List.of()));

        assertThat(problems).anyMatch(p -> p.startsWith("mllp.charset"))
                .anyMatch(p -> p.contains("mllp.routes is empty"))
                .anyMatch(p -> p.startsWith("mllp.destinations: lis"));
        assertThat(routeProblems).singleElement().satisfies(p -> assertThat(p).startsWith("mllp.routes: bad"));
    }

    @Test
    void aReturnDestinationMustNameAConfiguredDestination() {
        GatewayConfig.MllpRoute returning = new GatewayConfig.MllpRoute("lab-orders", null, null, null, null, "OML",
                "O21", "urn:cpa:1", null, "urn:oid:1:NRL", null, null, "OML_O21").returningTo("nowhere");

        List<String> problems = check(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(1), Duration.ofSeconds(1),
                List.of(), List.of(returning), List.of(destination(2576))));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p).startsWith("mllp.routes: lab-orders")
                .contains("no entry named nowhere"));
    }

    private static GatewayConfig.MllpDestination destination(int port) {
        return new GatewayConfig.MllpDestination("lis", null, null, "OML_O21", null, null, null, null, "OML", null,
                null, port, null, null);
    }

    private static List<String> check(GatewayConfig.Mllp mllp) {
        List<String> problems = new ArrayList<>();
        MllpSetup.check(mllp, null, problems);
        return problems;
    }
}
