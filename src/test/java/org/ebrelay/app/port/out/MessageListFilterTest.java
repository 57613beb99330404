package org.ebrelay.app.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.port.out.StoreFixtures.CPA;
import static org.ebrelay.app.port.out.StoreFixtures.HOSPITAL;
import static org.ebrelay.app.port.out.StoreFixtures.LAB;
import static org.ebrelay.app.port.out.StoreFixtures.OTHER_CPA;
import static org.ebrelay.app.port.out.StoreFixtures.T0;
import static org.ebrelay.app.port.out.StoreFixtures.received;

import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.app.WithDatabase;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.InboundState;
import org.ebrelay.domain.reliability.OutboundState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists by state narrowed to one CPA and to one party (sender or receiver), on the real H2 store. */
class MessageListFilterTest extends WithDatabase {
    private MessageStore store;

    @BeforeEach
    void storeWithMessagesUnderTwoCpas() {
        store = new JdbcMessageStore(database);
        store.insert(StoreFixtures.outbound("a", T0));
        store.register(received("b").build());
        store.register(received("c").cpa(OTHER_CPA).build());
    }

    @Test
    void aListIsNarrowedToOneCpa() {
        assertThat(store.listInbound(InboundState.RECEIVED, CPA, null, 10)).extracting(s -> s.id().value())
                .containsExactly("in-b");
        assertThat(store.listInbound(InboundState.RECEIVED, OTHER_CPA, null, 10)).extracting(s -> s.id().value())
                .containsExactly("in-c");
        assertThat(store.listInbound(InboundState.RECEIVED, null, null, 10)).hasSize(2);
    }

    @Test
    void aPartyMatchesAsSenderOrAsReceiverWithItsType() {
        assertThat(store.listOutbound(OutboundState.QUEUED, null, LAB, 10)).hasSize(1);
        assertThat(store.listOutbound(OutboundState.QUEUED, CPA, HOSPITAL, 10)).hasSize(1);
        assertThat(store.listInbound(InboundState.RECEIVED, null, LAB, 10)).hasSize(2);
        assertThat(store.listOutbound(OutboundState.QUEUED, null, PartyId.untyped("HOSPITAL"), 10))
                .as("the same value without its type is another party").isEmpty();
        assertThat(store.listOutbound(OutboundState.QUEUED, OTHER_CPA, LAB, 10)).isEmpty();
    }
}
