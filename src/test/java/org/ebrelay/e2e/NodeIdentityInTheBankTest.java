package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.eventually;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.ebrelay.adapter.bank.Views;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes are known to the bank by the identity kept in their data directory, never by their address: a node restarted
 * on another address is the same node to the bank, and a new node (a new container that may get an old one's
 * address) is a new one.
 */
class NodeIdentityInTheBankTest {
    @TempDir
    Path root;

    @Test
    void aNodeRestartedOnAnotherAddressKeepsItsIdentityAndANewNodeOnItsOldAddressNeverCollides() {
        try (BankNodes bank = new BankNodes(root.resolve("bank"), List.of())) {
            int firstPort = TestNode.freePort();
            int secondPort = TestNode.freePort();
            String first;
            String second;
            try (Gateway node = start(bank, root.resolve("a"), firstPort)) {
                first = node.nodeId().value();
                awaitAddress(bank, first, firstPort);
            }
            try (Gateway again = start(bank, root.resolve("a"), secondPort)) {
                assertThat(again.nodeId().value()).isEqualTo(first);
                awaitAddress(bank, first, secondPort);
            }
            try (Gateway newcomer = start(bank, root.resolve("b"), firstPort)) {
                second = newcomer.nodeId().value();
                assertThat(second).isNotEqualTo(first);
                awaitAddress(bank, second, firstPort);
            }

            assertThat(bank.bank().nodes()).extracting(Views.Node::node).containsExactlyInAnyOrder(first, second);
        }
    }

    /** A hospital node with no configured id (generated once, kept in its data directory). */
    private static Gateway start(BankNodes bank, Path dir, int port) {
        GatewayConfig c = bank.shipping(TestNode.hospital(dir, port).withCpa(DemoCpa.shipped().endpoints(port,
                TestNode.freePort())).config());
        GatewayConfig anonymous = new GatewayConfig(new GatewayConfig.Node(null, c.node().parties()), c.http(),
                c.storage(), c.cpa(), c.reliability(), c.delivery(), c.notifications(), c.pacing(), c.bank());
        return Gateway.start(anonymous, Clock.systemUTC());
    }

    private static void awaitAddress(BankNodes bank, String node, int port) {
        eventually().until(() -> bank.bank().nodes().stream().anyMatch(n -> n.node().equals(node)
                && n.address() != null && n.address().endsWith(":" + port)));
    }
}
