package io.holdfast.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * CPU time of a process and its live descendants from {@code /proc/<pid>/stat} (utime + stime, plus cutime +
 * cstime of children it has reaped), in clock ticks of {@link #TICKS_PER_SECOND} (Linux USER_HZ, 100 on every
 * mainstream kernel). Linux only.
 */
final class ProcessCpu {

    static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** CPU seconds used so far by {@code pid} and the processes under it; 0 when it is gone. */
    static double seconds(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(child -> pids.add(child.pid())));
        long ticks = 0;
        for (long each : pids) {
            ticks += ticks(each);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds used so far by {@code pid}'s own threads (utime + stime), without its children, live or reaped: for a
     * process that starts others (the local-stack JVM starts the services, the sandbox and PostgreSQL), whose CPU
     * {@link #seconds(long)} would count as its own; 0 when it is gone.
     */
    static double ownSeconds(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat"), false) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds used so far by each live thread of {@code pid}, summed by {@code group} of the thread's name as
     * {@code /proc/<pid>/task/<tid>/comm} has it (at most 15 characters): where a process's CPU goes. Threads that
     * ended are not counted; empty when the process is gone.
     */
    static Map<String, Double> threadSeconds(long pid, Function<String, String> group) {
        Map<String, Double> seconds = new TreeMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    seconds.merge(group.apply(name), ticks(thread.resolve("stat"), false) / TICKS_PER_SECOND,
                            Double::sum);
                } catch (IOException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException gone) {
            return Map.of();
        }
        return seconds;
    }

    /**
     * CPU seconds used so far by the JIT compiler threads of the JVM {@code pid} ({@code C1 CompilerThread…},
     * {@code C2 CompilerThread…} in {@code /proc/<pid>/task/<tid>/comm}): warm-up work, not the program's own; 0 when
     * it is gone.
     */
    static double compilerSeconds(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        ticks += ticks(thread.resolve("stat"), false);
                    }
                } catch (IOException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static long ticks(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat"), true);
    }

    private static long ticks(Path statFile, boolean withChildren) {
        try {
            String stat = Files.readString(statFile);
            // the command name (field 2) may hold spaces: split after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime, stime, cutime, cstime are fields 14..17
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
