package org.ebrelay.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void handsOutDistinctBindablePortsBelowTheKernelsEphemeralRange() throws Exception {
        Set<Integer> given = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = LoopbackPorts.next();
            assertThat(port).isBetween(20_000, 32_000);
            assertThat(given.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void skipsAPortSomethingAlreadyListensOn() throws Exception {
        int next = LoopbackPorts.next() + 1;
        try (ServerSocket busy = new ServerSocket(next, 1, InetAddress.getLoopbackAddress())) {
            assertThat(LoopbackPorts.next()).isNotEqualTo(next);
        }
    }
}
