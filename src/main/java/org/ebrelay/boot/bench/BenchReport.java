package org.ebrelay.boot.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;

/**
 * The figures of one measured run.
 *
 * @param latenciesNanos submit-to-COMPLETE of each completed message (unsorted)
 * @param answerNanos    how long the API took to accept each of them (stored, QUEUED)
 * @param jitMillis      how long the JIT compilers' compilations took during the run (their elapsed time, summed
 *                       over compiler threads, so a busy box inflates it): more than a few percent of the run means
 *                       the compiler was still at work and took CPU from the gateway
 * @param cpuByGroup     CPU nanoseconds by thread group over the run, largest first
 */
record BenchReport(String setup, int messages, int completed, int refused, long wallNanos, long processCpuNanos,
                   long gcMillis, long jitMillis, long[] latenciesNanos, long[] answerNanos,
                   Map<String, Long> cpuByGroup, int latePacing) {

    double messagesPerSecond() {
        return completed / (wallNanos / 1e9);
    }

    double cpuSecondsPerMessage() {
        return completed == 0 ? 0 : processCpuNanos / 1e9 / completed;
    }

    /** The latency at quantile {@code q} (0..1) in milliseconds, nearest rank. */
    double latencyMillis(double q) {
        return quantileMillis(latenciesNanos, q);
    }

    private static double quantileMillis(long[] values, double q) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    /** True when the JIT compilers were busy for more than 5% of the measured time. */
    boolean jitStillBusy() {
        return jitMillis * 1e6 > 0.05 * wallNanos;
    }

    boolean allCompleted() {
        return completed == messages && refused == 0;
    }

    void print(PrintWriter out) {
        out.println(setup);
        out.printf("messages:    %d measured, %d COMPLETE, %d refused by the API%n", messages, completed, refused);
        out.printf("throughput:  %.0f messages/s (%.1f s from the first submission to the last COMPLETE)%n",
                messagesPerSecond(), wallNanos / 1e9);
        out.printf("latency:     p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (submit to COMPLETE)%n",
                latencyMillis(0.50), latencyMillis(0.90), latencyMillis(0.99), latencyMillis(1.0));
        out.printf("API answer:  p50 %.1f ms, p99 %.1f ms (submit to stored: QUEUED or SENDING, part of the above)%n",
                quantileMillis(answerNanos, 0.50), quantileMillis(answerNanos, 0.99));
        out.printf("CPU:         %.2f ms per message (process CPU %.1f s, %.2f cores busy of %d; GC %d ms;"
                        + " JIT %d ms)%n", cpuSecondsPerMessage() * 1e3, processCpuNanos / 1e9,
                processCpuNanos / (double) wallNanos, Runtime.getRuntime().availableProcessors(), gcMillis, jitMillis);
        if (jitStillBusy()) {
            out.printf("warning:     JIT compilations took %.1f s during the %.1f s measured: the compiler was still "
                    + "at work, and its CPU is in these figures (see docs/BENCHMARKS.md)%n", jitMillis / 1e3,
                    wallNanos / 1e9);
        }
        if (latePacing > 0) {
            out.printf("pacing:      %d submissions started more than 1 ms late (latency counts from the schedule)%n",
                    latePacing);
        }
        out.println("CPU by thread group (us per message):");
        cpuByGroup.entrySet().stream().filter(e -> e.getValue() * 200 >= processCpuNanos) // >= 0.5 %
                .forEach(e -> out.printf("  %-34s %7.1f  %4.1f%%%n", e.getKey(),
                        e.getValue() / 1e3 / Math.max(1, completed), 100.0 * e.getValue() / processCpuNanos));
        out.flush();
    }
}
