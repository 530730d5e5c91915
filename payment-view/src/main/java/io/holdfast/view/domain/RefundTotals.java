package io.holdfast.view.domain;

/**
 * A captured payment's refund position in minor units of the captured currency, as the latest refund event reported
 * it: refunded + pending + refundable = captured.
 */
public record RefundTotals(long capturedMinor, long refundedMinor, long pendingMinor, long refundableMinor) {

    /** Nothing refunded, nothing pending. */
    public static RefundTotals none(long capturedMinor) {
        return new RefundTotals(capturedMinor, 0, 0, capturedMinor);
    }

    public boolean fullyRefunded() {
        return capturedMinor > 0 && refundedMinor >= capturedMinor;
    }
}
