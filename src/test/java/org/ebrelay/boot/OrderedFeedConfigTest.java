package org.ebrelay.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.app.hl7.Hl7Route;
import org.ebrelay.boot.config.ConfigLoader;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.message.ConversationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of ordered delivery: delivery.ordering, and mllp.routes' ordered and conversationId. */
class OrderedFeedConfigTest {
    @TempDir
    Path dir;

    @Test
    void theOrderingLimitsDefaultToAHundredHeldAndTenMinutesInTheCodeAndInTheShippedFile() {
        GatewayConfig.Ordering defaults = new ConfigLoader().load(null).delivery().ordering();
        GatewayConfig.Ordering shipped = new ConfigLoader().load(Path.of("conf/ebrelay.yaml")).delivery().ordering();

        assertThat(defaults).isEqualTo(new GatewayConfig.Ordering(100, Duration.ofMinutes(10)));
        assertThat(shipped).isEqualTo(defaults);
    }

    @Test
    void anOrderedRouteIsOneFeedUnderItsConversationIdOrADefaultNamedAfterTheRoute() throws Exception {
        Path file = dir.resolve("ebrelay.yaml");
        Files.writeString(file, """
                delivery:
                  ordering: {maxHeldPerConversation: 5, maxGapWait: PT1M}
                mllp:
                  routes:
                    - {name: adt, messageType: ADT, cpaId: "urn:cpa:1", to: "urn:oid:1:NRL", action: ADT_A01,
                       ordered: true, conversationId: "adt-feed-1"}
                    - {name: orders, messageType: OML, cpaId: "urn:cpa:1", to: "urn:oid:1:NRL", action: OML_O21,
                       ordered: true}
                    - {name: results, messageType: ORU, cpaId: "urn:cpa:1", to: "urn:oid:1:NRL", action: ORU_R01}
                """);
        GatewayConfig config = new ConfigLoader().load(file);

        List<Hl7Route> routes = MllpSetup.routes(config.mllp(), null, new ArrayList<>());

        assertThat(config.delivery().ordering()).isEqualTo(new GatewayConfig.Ordering(5, Duration.ofMinutes(1)));
        assertThat(routes).extracting(Hl7Route::feed).containsExactly(ConversationId.of("adt-feed-1"),
                ConversationId.of("mllp-feed:orders"), null);
    }

    @Test
    void aConversationIdOnARouteThatIsNotOrderedIsAProblemNamingTheRoute() {
        GatewayConfig.MllpRoute route = new GatewayConfig.MllpRoute("adt", null, null, null, null, "ADT", null,
                "urn:cpa:1", null, "urn:oid:1:NRL", null, null, "ADT_A01", null, "adt-feed", null);
        List<String> problems = new ArrayList<>();

        MllpSetup.routes(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(1), Duration.ofSeconds(1), List.of(),
                List.of(route), List.of()), null, problems);

        assertThat(problems).singleElement().satisfies(p -> assertThat(p).startsWith("mllp.routes: adt")
                .contains("ordered: true"));
    }
}
