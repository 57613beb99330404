package org.ebrelay.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The CPU time (not wall time) of one signing operation, which a busy shared machine distorts far less than JMH's
 * average time: each operation of {@link SigningBenchmark} run in a warm loop on one thread, timed with the thread's
 * CPU clock. Run: {@code java -cp <test classpath> org.ebrelay.bench.SigningCpuCost [iterations]}.
 */
public final class SigningCpuCost {
    private SigningCpuCost() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String provider : new String[] {"auto", "jdk"}) {
            SigningBenchmark b = new SigningBenchmark();
            b.provider = provider;
            b.setUp();
            System.out.printf(Locale.ROOT, "provider=%s%n", provider);
            report(threads, "encodeAndSignUserMessage", b::encodeAndSignUserMessage, iterations);
            report(threads, "verifyUserMessage", b::verifyUserMessage, iterations);
            report(threads, "encodeAndSignAcknowledgment", b::encodeAndSignAcknowledgment, iterations);
        }
    }

    private static void report(ThreadMXBean threads, String name, Supplier<?> operation, int iterations) {
        for (int i = 0; i < iterations / 2; i++) {
            operation.get();
        }
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            operation.get();
        }
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / iterations;
        double wallMicros = (System.nanoTime() - wall) / 1000.0 / iterations;
        System.out.printf(Locale.ROOT, "  %-28s %8.1f us CPU/op  (%8.1f us wall/op)%n", name, cpuMicros, wallMicros);
    }
}
