package io.holdfast.ingest.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/** Thread CPU time grouped by role (service, load generator, Kafka producer, broker), for the benchmark's report. */
final class CpuByRole {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuByRole() {
    }

    static Map<String, Long> snapshot() {
        Map<String, Long> byRole = new TreeMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            ThreadInfo info = THREADS.getThreadInfo(id);
            long cpu = THREADS.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                byRole.merge(role(info.getThreadName()), cpu, Long::sum);
            }
        }
        return byRole;
    }

    static void print(Map<String, Long> before, Map<String, Long> after, int notifications) {
        if (notifications == 0) {
            return;
        }
        System.out.println("CPU per acknowledged notification, by role (threads that ended meanwhile are missed):");
        after.forEach((role, cpu) -> {
            long used = cpu - before.getOrDefault(role, 0L);
            System.out.println(String.format("  %-34s %7.1f us", role, used / 1000.0 / notifications));
        });
    }

    private static String role(String thread) {
        if (thread.startsWith("bench-client")) {
            return "load generator (HTTP client)";
        }
        if (thread.startsWith("reactor-http") || thread.startsWith("kafka-send") || thread.startsWith("parallel")) {
            return "service (HTTP server, verify, publish)";
        }
        if (thread.startsWith("kafka-producer-network-thread")) {
            return "service (Kafka producer I/O)";
        }
        if (thread.contains("kafka") || thread.contains("raft") || thread.contains("quorum")
                || thread.contains("broker") || thread.contains("group-coordinator") || thread.contains("controller")) {
            return "Kafka broker (in-process)";
        }
        return "other (GC threads not included)";
    }
}
