package org.ebrelay.boot.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time of this process, in total and by thread group (a thread's name without its trailing number), GC time
 * and JIT compilation time, between two snapshots. Threads that end between the snapshots lose their share to
 * "other", which also holds the JVM's own threads (GC, JIT compilers): they are not Java threads.
 */
final class CpuMeter {
    private static final Pattern TRAILING_NUMBER = Pattern.compile("[-_ #]?\\d+$");

    record Snapshot(long processNanos, Map<String, Long> byGroup, long gcMillis, long jitMillis, long wallNanos) {
    }

    static Snapshot snapshot() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                byGroup.merge(group(info.getThreadName()), cpu, Long::sum);
            }
        }
        long gc = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, collector.getCollectionTime());
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiling = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        return new Snapshot(processCpuNanos(), byGroup, gc, compiling, System.nanoTime());
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A thread's group: its name without a trailing number, repeatedly ("ebrelay-http-12" -> "ebrelay-http"). */
    static String group(String threadName) {
        String group = threadName;
        for (String shorter = strip(group); !shorter.equals(group) && !shorter.isEmpty(); shorter = strip(group)) {
            group = shorter;
        }
        return group;
    }

    private static String strip(String name) {
        return TRAILING_NUMBER.matcher(name).replaceFirst("");
    }

    /** CPU nanoseconds per group between two snapshots, largest first, with "other" for the rest of the process. */
    static Map<String, Long> difference(Snapshot before, Snapshot after) {
        Map<String, Long> delta = new HashMap<>();
        after.byGroup().forEach((group, cpu) -> {
            long d = cpu - before.byGroup().getOrDefault(group, 0L);
            if (d > 0) {
                delta.merge(group, d, Long::sum);
            }
        });
        long threads = delta.values().stream().mapToLong(Long::longValue).sum();
        long other = after.processNanos() - before.processNanos() - threads;
        Map<String, Long> sorted = new LinkedHashMap<>();
        delta.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        if (other > 0) {
            sorted.put("other (GC, JIT, ended threads)", other);
        }
        return sorted;
    }
}
