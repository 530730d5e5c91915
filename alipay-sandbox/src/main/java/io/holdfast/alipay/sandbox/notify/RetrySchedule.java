package io.holdfast.alipay.sandbox.notify;

import java.time.Duration;
import java.util.List;

/**
 * Antom's notification retry schedule (reference section 7.4): attempts at 0 s, 2 min, 10 min, 10 min, 1 h,
 * 2 h, 6 h and 15 h intervals, so at most 8 attempts, the last one 24 h 22 min after the first.
 */
public final class RetrySchedule {

    public static final List<Duration> INTERVALS = List.of(Duration.ZERO, Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(6), Duration.ofHours(15));

    public static final int MAX_ATTEMPTS = INTERVALS.size();

    private RetrySchedule() {
    }

    /** Offset of attempt {@code index} (0-based) from the first attempt's due time. */
    public static Duration offsetOf(int index) {
        Duration total = Duration.ZERO;
        for (int i = 0; i <= index; i++) {
            total = total.plus(INTERVALS.get(i));
        }
        return total;
    }
}
