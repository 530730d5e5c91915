package io.holdfast.capture.domain;

import java.util.Objects;

/**
 * A captured payment's refund position, all in the captured currency: refunded + pending + refundable = captured.
 *
 * @param refundedMinor refunds Antom reported successful
 * @param pendingMinor refunds sent or in process, not final yet (reserved)
 */
public record RefundTotals(Money captured, long refundedMinor, long pendingMinor) {

    public RefundTotals {
        Objects.requireNonNull(captured, "captured");
        if (refundedMinor < 0 || pendingMinor < 0 || refundedMinor + pendingMinor > captured.valueMinor()) {
            throw new IllegalArgumentException("refund position outside the captured amount: refunded "
                    + refundedMinor + ", pending " + pendingMinor + ", captured " + captured);
        }
    }

    /** What a new refund may still take. */
    public long refundableMinor() {
        return captured.valueMinor() - refundedMinor - pendingMinor;
    }

    public RefundTotals reserve(long amountMinor) {
        return new RefundTotals(captured, refundedMinor, pendingMinor + amountMinor);
    }

    /** A pending refund succeeded. */
    public RefundTotals settle(long amountMinor) {
        return new RefundTotals(captured, refundedMinor + amountMinor, pendingMinor - amountMinor);
    }

    /** A pending refund failed: its amount is refundable again. */
    public RefundTotals release(long amountMinor) {
        return new RefundTotals(captured, refundedMinor, pendingMinor - amountMinor);
    }
}
