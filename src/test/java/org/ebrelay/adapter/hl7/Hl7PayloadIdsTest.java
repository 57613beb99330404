package org.ebrelay.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.ebrelay.app.port.out.Hl7Ids;
import org.junit.jupiter.api.Test;

class Hl7PayloadIdsTest {
    private final Hl7Ids ids = new Hl7PayloadIds();

    @Test
    void readsTheMessageControlIdOfAnEr7Payload() {
        byte[] er7 = "MSH|^~\\&|RGH|RGH|NRL|NRL|20270301120000||OML^O21^OML_O21|MSG-42|P|2.5.1\r"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ids.of("application/hl7-v2", er7)).contains("MSG-42");
    }

    @Test
    void findsNothingInWhatIsNotHl7() {
        assertThat(ids.of("text/plain", "hello".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(Hl7Ids.NONE.of("application/hl7-v2", "MSH|^~\\&|".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
