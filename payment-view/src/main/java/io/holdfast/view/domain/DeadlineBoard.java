package io.holdfast.view.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deadline board: open manual authorizations sorted by time to deadline, and the money at risk per currency
 * within 6, 24 and 48 hours of the deadline (cumulative buckets: what is within 6 h is also within 24 h).
 *
 * @param now the instant the board was computed at (the injected clock)
 * @param rows the open manual authorizations, nearest deadline first
 * @param atRisk currency → totals per bucket, in minor units
 */
public record DeadlineBoard(Instant now, List<PaymentView> rows, Map<String, Buckets> atRisk) {

    /** The buckets, in hours. */
    public static final List<Duration> BUCKETS = List.of(Duration.ofHours(6), Duration.ofHours(24),
            Duration.ofHours(48));

    /** Minor units at risk with the deadline less than 6 h, 24 h and 48 h away. */
    public record Buckets(long within6h, long within24h, long within48h) {

        Buckets plus(Duration left, long minor) {
            return new Buckets(within6h + (left.compareTo(BUCKETS.get(0)) < 0 ? minor : 0),
                    within24h + (left.compareTo(BUCKETS.get(1)) < 0 ? minor : 0),
                    within48h + (left.compareTo(BUCKETS.get(2)) < 0 ? minor : 0));
        }
    }

    /** Builds the board from candidate rows (those not open, not manual or without a deadline are left out). */
    public static DeadlineBoard of(Instant now, List<PaymentView> candidates) {
        List<PaymentView> rows = new ArrayList<>();
        for (PaymentView v : candidates) {
            if (v.status().atRisk() && "MANUAL".equals(v.captureMode()) && v.deadline().at() != null
                    && v.amount() != null) {
                rows.add(v);
            }
        }
        rows.sort(Comparator.comparing((PaymentView v) -> v.deadline().at())
                .thenComparing(v -> v.ids().paymentRequestId()));
        Map<String, Buckets> totals = new TreeMap<>();
        for (PaymentView v : rows) {
            Duration left = Duration.between(now, v.deadline().at());
            totals.merge(v.amount().currency(), new Buckets(0, 0, 0).plus(left, v.amount().valueMinor()),
                    (a, b) -> new Buckets(a.within6h() + b.within6h(), a.within24h() + b.within24h(),
                            a.within48h() + b.within48h()));
        }
        return new DeadlineBoard(now, List.copyOf(rows), totals);
    }
}
