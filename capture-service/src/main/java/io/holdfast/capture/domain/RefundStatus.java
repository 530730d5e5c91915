package io.holdfast.capture.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one refund attempt (one row of {@code refund_attempt}). Allowed previous states are listed once, in
 * the static block; {@link #assertCanFollow(RefundStatus)} guards every transition.
 */
public enum RefundStatus {
    /** The attempt row is written: the refund may have been sent. action: send (again, same id) when due. */
    REQUESTED,
    /** Antom accepted it: REFUND_IN_PROCESS. action: wait for notifyRefund, inquireRefund on a backoff. */
    PENDING,
    /** Timeout, transport error, unverifiable answer or U. action: inquireRefund on a backoff; resend if absent. */
    UNKNOWN,
    /** Terminal: Antom reported the refund successful. */
    SUCCEEDED,
    /** Terminal: Antom refused the refund or reported it failed; its amount is refundable again. */
    FAILED;

    private static final Map<RefundStatus, Set<RefundStatus>> PREVIOUS = new EnumMap<>(RefundStatus.class);

    static {
        PREVIOUS.put(REQUESTED, EnumSet.noneOf(RefundStatus.class));
        PREVIOUS.put(PENDING, EnumSet.of(REQUESTED, PENDING, UNKNOWN));
        PREVIOUS.put(UNKNOWN, EnumSet.of(REQUESTED, UNKNOWN));
        PREVIOUS.put(SUCCEEDED, EnumSet.of(REQUESTED, PENDING, UNKNOWN));
        PREVIOUS.put(FAILED, EnumSet.of(REQUESTED, PENDING, UNKNOWN));
    }

    public void assertCanFollow(RefundStatus from) {
        if (!PREVIOUS.get(this).contains(from)) {
            throw new IllegalStateException("illegal refund transition " + from + " -> " + this);
        }
    }

    /** True once Antom's word on the refund is final. */
    public boolean isFinal() {
        return switch (this) {
            case SUCCEEDED, FAILED -> true;
            case REQUESTED, PENDING, UNKNOWN -> false;
        };
    }
}
