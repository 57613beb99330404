package org.ebrelay.boot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback ports for whatever must name a port before the thing that listens on it starts: the demo's and the
 * benchmark's nodes (each CPA names the other's endpoint) and the tests.
 *
 * <p>Ports are handed out below the kernel's ephemeral range (32768 and up on Linux), one after another. A port
 * taken with {@code new ServerSocket(0)} and released comes from that range, and until its user binds it again
 * any outgoing connection of the JVM or the machine may take it as its local port ("Failed to bind"). Nothing
 * the kernel allocates by itself lands below the range, and this JVM never hands out the same port twice.
 */
public final class LoopbackPorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    /** Where this JVM starts, spread by process id so that two JVMs on one machine rarely meet. */
    private static final AtomicInteger NEXT =
            new AtomicInteger(FIRST + (int) (ProcessHandle.current().pid() * 997 % (LAST - FIRST)));

    private LoopbackPorts() {
    }

    /** A loopback port nothing listens on now and no other caller in this JVM has been given. */
    public static int next() {
        for (int tried = 0; tried < LAST - FIRST; tried++) {
            int port = NEXT.getAndUpdate(p -> p >= LAST ? FIRST : p + 1);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port between " + FIRST + " and " + LAST);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException busy) {
            return false;
        }
    }
}
