package io.holdfast.view.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The view's state machine: one {@code (from, trigger) → to} table. A trigger with no row for the current status
 * leaves the status as it is (a late warning after a capture, a duplicated decline): the view never invents a state.
 * The projection applies the table to the payment's timeline in occurrence order, so an event that arrives late is
 * folded in where it happened.
 */
public final class ViewTransitions {

    private static final Map<ViewStatus, Map<Trigger, ViewStatus>> TABLE = new EnumMap<>(ViewStatus.class);

    static {
        from(ViewStatus.PENDING, Trigger.ACTION_REQUIRED, ViewStatus.REQUIRES_ACTION);
        from(ViewStatus.PENDING, Trigger.AUTHORIZED, ViewStatus.AUTHORIZED);
        from(ViewStatus.PENDING, Trigger.DECLINED, ViewStatus.DECLINED);
        from(ViewStatus.PENDING, Trigger.CANCELLED, ViewStatus.CANCELLED);
        from(ViewStatus.REQUIRES_ACTION, Trigger.AUTHORIZED, ViewStatus.AUTHORIZED);
        from(ViewStatus.REQUIRES_ACTION, Trigger.DECLINED, ViewStatus.DECLINED);
        from(ViewStatus.REQUIRES_ACTION, Trigger.CANCELLED, ViewStatus.CANCELLED);
        for (ViewStatus open : new ViewStatus[] {ViewStatus.AUTHORIZED, ViewStatus.CAPTURE_SCHEDULED,
                ViewStatus.CAPTURE_FAILED}) {
            from(open, Trigger.CAPTURED, ViewStatus.CAPTURED);
            from(open, Trigger.CANCELLED, ViewStatus.CANCELLED);
            from(open, Trigger.EXPIRED, ViewStatus.EXPIRED);
            from(open, Trigger.CAPTURE_FAILED, ViewStatus.CAPTURE_FAILED);
        }
        from(ViewStatus.AUTHORIZED, Trigger.CAPTURE_SCHEDULED, ViewStatus.CAPTURE_SCHEDULED);
        // Antom is the truth for a capture: a CaptureSucceeded after the deadline guardian's expiry wins
        from(ViewStatus.EXPIRED, Trigger.CAPTURED, ViewStatus.CAPTURED);
        from(ViewStatus.CAPTURED, Trigger.PARTIALLY_REFUNDED, ViewStatus.PARTIALLY_REFUNDED);
        from(ViewStatus.CAPTURED, Trigger.FULLY_REFUNDED, ViewStatus.REFUNDED);
        from(ViewStatus.PARTIALLY_REFUNDED, Trigger.PARTIALLY_REFUNDED, ViewStatus.PARTIALLY_REFUNDED);
        from(ViewStatus.PARTIALLY_REFUNDED, Trigger.FULLY_REFUNDED, ViewStatus.REFUNDED);
    }

    private ViewTransitions() {
    }

    private static void from(ViewStatus from, Trigger trigger, ViewStatus to) {
        ViewStatus previous = TABLE.computeIfAbsent(from, k -> new EnumMap<>(Trigger.class)).put(trigger, to);
        if (previous != null) {
            throw new IllegalStateException("duplicate transition " + from + " --" + trigger + "-->");
        }
    }

    /** The status after {@code trigger}, or empty when the table has no such transition. */
    public static Optional<ViewStatus> next(ViewStatus from, Trigger trigger) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(trigger));
    }

    /** The table, for documentation. */
    public static Map<ViewStatus, Map<Trigger, ViewStatus>> table() {
        return Collections.unmodifiableMap(TABLE);
    }
}
