package io.holdfast.alipay.sandbox.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time of the JVM's live threads at one instant, by thread id, so that two snapshots give the CPU each group of
 * threads (told apart by name) spent in between. Threads that end between the two snapshots are not counted; the
 * JVM's own GC and JIT threads are not Java threads and are not counted either (see {@link #processCpuNanos()}).
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Sample> samples;

    private record Sample(String name, long cpuNanos) {
    }

    private ThreadCpu(Map<Long, Sample> samples) {
        this.samples = samples;
    }

    static ThreadCpu snapshot() {
        if (!THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        Map<Long, Sample> samples = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                samples.put(info.getThreadId(), new Sample(info.getThreadName(), cpu));
            }
        }
        return new ThreadCpu(samples);
    }

    /** CPU nanoseconds the threads whose name matches spent since {@code before}. */
    long since(ThreadCpu before, Predicate<String> threadName) {
        long total = 0;
        for (Map.Entry<Long, Sample> entry : samples.entrySet()) {
            if (threadName.test(entry.getValue().name())) {
                Sample earlier = before.samples.get(entry.getKey());
                total += entry.getValue().cpuNanos() - (earlier == null ? 0 : earlier.cpuNanos());
            }
        }
        return total;
    }

    /** CPU of the whole process (all threads, GC and JIT included), or -1 when the JVM does not tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
