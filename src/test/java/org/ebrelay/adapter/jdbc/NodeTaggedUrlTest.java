package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeTaggedUrlTest {
    @Test
    void aPostgresqlUrlGetsTheNodeIdAsAConnectionSetting() {
        assertThat(NodeTaggedUrl.of("jdbc:postgresql://db:5432/ebrelay", "gw-1"))
                .isEqualTo("jdbc:postgresql://db:5432/ebrelay?options=-c%20ebrelay.node_id%3Dgw-1");
        assertThat(NodeTaggedUrl.of("jdbc:postgresql://db/ebrelay?ssl=true", "gw-1"))
                .isEqualTo("jdbc:postgresql://db/ebrelay?ssl=true&options=-c%20ebrelay.node_id%3Dgw-1");
    }

    @Test
    void optionsGivenInTheUrlAreKeptAndTheSettingAdded() {
        assertThat(NodeTaggedUrl.of("jdbc:postgresql://db/e?options=-c%20search_path%3Dgw&ssl=true", "gw-2"))
                .isEqualTo("jdbc:postgresql://db/e?options=-c%20search_path%3Dgw%20-c%20ebrelay.node_id%3Dgw-2"
                        + "&ssl=true");
    }

    @Test
    void anH2UrlIsLeftAlone() {
        assertThat(NodeTaggedUrl.of("jdbc:h2:mem:x", "gw-1")).isEqualTo("jdbc:h2:mem:x");
    }
}
