package io.holdfast.alipay.sandbox.timing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long the sandbox itself takes — what Antom's own latency is in a measurement — so that a benchmark can tell the
 * time Holdfast adds from the time it waits for "Antom": per API, from the request's arrival to its answer sent, and
 * for notifications, from the event that causes one to its request leaving (signed). Wall-clock durations
 * ({@link System#nanoTime()}), not sandbox time: a moved sandbox clock does not move them.
 */
public final class ServingTimes {

    /** The key of notification dispatch times. */
    public static final String NOTIFY = "NOTIFY";

    private final Map<String, Totals> totals = new ConcurrentHashMap<>();

    /** One served request or dispatched notification of {@code kind} that took {@code nanos}. */
    public void record(String kind, long nanos) {
        Totals t = totals.computeIfAbsent(kind, k -> new Totals());
        t.count.increment();
        t.nanos.add(Math.max(0, nanos));
    }

    /** A reading: per kind, how many and their total time in microseconds, sorted by kind. */
    public Map<String, Reading> read() {
        Map<String, Reading> reading = new TreeMap<>();
        totals.forEach((kind, t) -> reading.put(kind, new Reading(t.count.sum(), t.nanos.sum() / 1_000)));
        return reading;
    }

    /** Totals of one kind. */
    public record Reading(long count, long totalMicros) {
    }

    private static final class Totals {
        private final LongAdder count = new LongAdder();
        private final LongAdder nanos = new LongAdder();
    }
}
