package io.holdfast.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A chaos run's findings: every audit count (each must be 0), payments by flow, faults with their recovery. */
final class Report {

    /** The counts every run prints, in this order, zeros included. */
    static final List<String> COUNTS = List.of(
            "lost commands",
            "payments not final",
            "captures not equal to the authorized amount",
            "double captures",
            "captures after cancel",
            "captures attempted after authExpiryTime",
            "missed deadlines",
            "refunds above the captured amount",
            "refunds not final",
            "merchant-visible contradictions",
            "authorization-service records disagreeing with Antom",
            "capture-service records disagreeing with Antom",
            "outcomes other than the merchant asked for",
            "records on a dead-letter topic that were not poison",
            "poison records not dead-lettered",
            "outbox rows not published",
            "card numbers or CVVs found in logs, topics or databases",
            "merchant requests that failed");

    /** One injected fault and how long the stack took to get over it. */
    record FaultResult(FaultKind kind, String detail, Duration lasted, Duration newPaymentsAgain, Duration backlogDrained) {
    }

    private final long seed;
    private final int replicas;
    private final int payments;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<Flow, int[]> flows = new EnumMap<>(Flow.class);
    private final List<FaultResult> faults = new ArrayList<>();
    private final Map<String, String> info = new LinkedHashMap<>();
    private final List<String> offenders = new ArrayList<>();

    Report(long seed, int replicas, int payments) {
        this.seed = seed;
        this.replicas = replicas;
        this.payments = payments;
        COUNTS.forEach(name -> counts.put(name, 0L));
    }

    synchronized void count(String what, long n) {
        counts.merge(what, n, Long::sum);
    }

    synchronized void payment(Flow flow, boolean clean) {
        int[] tally = flows.computeIfAbsent(flow, f -> new int[2]);
        tally[0]++;
        if (!clean) {
            tally[1]++;
        }
    }

    synchronized void fault(FaultResult result) {
        faults.add(result);
    }

    synchronized void info(String what, String value) {
        info.put(what, value);
    }

    synchronized void offender(String description) {
        offenders.add(description);
    }

    synchronized Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    synchronized List<FaultResult> faults() {
        return List.copyOf(faults);
    }

    synchronized List<String> offenders() {
        return List.copyOf(offenders);
    }

    /** True when every count is 0. */
    synchronized boolean clean() {
        return counts.values().stream().allMatch(n -> n == 0);
    }

    synchronized void print(PrintStream out) {
        out.println();
        out.println("Holdfast chaos report — seed " + seed + ", " + replicas + " replicas per service, " + payments
                + " payments asked");
        info.forEach((what, value) -> out.printf("  %-34s %s%n", what, value));
        out.println();
        out.println("Payments by flow (total / with a finding):");
        flows.forEach((flow, tally) -> out.printf("  %-22s %6d / %d%n", flow, tally[0], tally[1]));
        out.println();
        out.println("Faults (" + faults.size() + "):");
        out.printf("  %-28s %8s %10s %10s  %s%n", "kind", "lasted", "new pays", "backlog", "what");
        for (FaultResult fault : faults) {
            out.printf("  %-28s %7.1fs %9s %9s  %s%n", fault.kind(), fault.lasted().toMillis() / 1000.0,
                    seconds(fault.newPaymentsAgain()), seconds(fault.backlogDrained()), fault.detail());
        }
        Map<FaultKind.Family, List<Long>> byFamily = new EnumMap<>(FaultKind.Family.class);
        Map<FaultKind.Family, List<Long>> drainByFamily = new EnumMap<>(FaultKind.Family.class);
        for (FaultResult fault : faults) {
            if (fault.newPaymentsAgain() != null) {
                byFamily.computeIfAbsent(fault.kind().family(), f -> new ArrayList<>()).add(fault.newPaymentsAgain().toMillis());
            }
            if (fault.backlogDrained() != null) {
                drainByFamily.computeIfAbsent(fault.kind().family(), f -> new ArrayList<>()).add(fault.backlogDrained().toMillis());
            }
        }
        out.println("  recovery after the fault ended, by family: new payments again p50 / max; backlog drained p50 / max");
        for (FaultKind.Family family : FaultKind.Family.values()) {
            List<Long> recovery = byFamily.getOrDefault(family, List.of());
            List<Long> drain = drainByFamily.getOrDefault(family, List.of());
            if (!recovery.isEmpty() || !drain.isEmpty()) {
                out.printf("  %-15s n=%-3d %6s / %-6s   %6s / %s%n", family, Math.max(recovery.size(), drain.size()),
                        percentile(recovery, 50), percentile(recovery, 100), percentile(drain, 50), percentile(drain, 100));
            }
        }
        out.println();
        out.println("Audit (every count must be 0):");
        counts.forEach((what, n) -> out.printf("  %-58s %d%n", what, n));
        if (!offenders.isEmpty()) {
            out.println();
            out.println("Offending payments and records (" + offenders.size() + ", first 60):");
            offenders.stream().limit(60).forEach(line -> out.println("  - " + line));
        }
        out.println();
        out.println(clean() ? "RESULT: every count is 0 (seed " + seed + ")"
                : "RESULT: FAILED (seed " + seed + "): rerun with --seed=" + seed);
        out.flush();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format("%.1fs", duration.toMillis() / 1000.0);
    }

    private static String percentile(List<Long> millis, int p) {
        if (millis.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return String.format("%.1fs", sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0);
    }
}
