package io.holdfast.alipay.sandbox.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Per-call latencies of one measured phase (nanoseconds), recorded from several threads. */
final class Latencies {

    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void record(long value) {
        int index = count.getAndIncrement();
        if (index < nanos.length) {
            nanos[index] = value;
        }
    }

    /** The {@code fraction} quantile (0..1) in milliseconds. */
    double quantileMillis(double fraction) {
        int n = Math.min(count.get(), nanos.length);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int index = (int) Math.min(n - 1, Math.ceil(fraction * n) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
