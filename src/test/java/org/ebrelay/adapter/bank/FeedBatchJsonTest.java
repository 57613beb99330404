package org.ebrelay.adapter.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.ebrelay.adapter.rest.ApiJson;
import org.ebrelay.app.bank.FeedBatch;
import org.ebrelay.app.bank.NodeNote;
import org.junit.jupiter.api.Test;

/** The node's notes travel to a standalone bank in the feed's JSON (HttpBankChannel to BankNodeChannelResource). */
class FeedBatchJsonTest {
    private final ObjectMapper json = ApiJson.mapper();

    @Test
    void notes_survive_the_trip_through_json_and_a_batch_without_them_reads_as_none() throws Exception {
        NodeNote audit = new NodeNote(7, NodeNote.AUDIT, Instant.parse("2026-11-22T09:00:00Z"),
                "token ops (operator) as alice", "ABANDON", "m1@lab", "reason: gone; answered 200", null, -1, null, 1);
        NodeNote rejected = new NodeNote(8, NodeNote.REJECTED_REQUEST, Instant.parse("2026-11-22T09:00:01Z"), null,
                "HTTP 413", null, "too large", "203.0.113.9", 1 << 30, null, 12);
        FeedBatch batch = new FeedBatch("lab", 41, List.of(), List.of(), List.of(audit, rejected), null);

        FeedBatch read = json.readValue(json.writeValueAsBytes(batch), FeedBatch.class);

        assertThat(read.notes()).containsExactly(audit, rejected);
        assertThat(json.readValue("{\"node\":\"lab\",\"upTo\":3,\"messages\":[],\"events\":[]}", FeedBatch.class)
                .notes()).isEmpty();
    }
}
