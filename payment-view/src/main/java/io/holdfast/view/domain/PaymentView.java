package io.holdfast.view.domain;

import java.time.Instant;

/**
 * One payment as the view shows it, folded from its timeline by {@link Projection}.
 *
 * @param ids who the payment is and whose
 * @param status the merchant-visible status
 * @param amount the authorized amount (null until an event carried it)
 * @param captureMode AUTOMATIC or MANUAL (null until PaymentAuthorized)
 * @param card the masked card summary, or null
 * @param deadline the capture deadline, its policy and the warnings sent
 * @param refunds the refund position (null until a refund event)
 * @param times the first and last event's occurrence
 */
public record PaymentView(Ids ids, ViewStatus status, Money amount, String captureMode, CardSummary card,
        Deadline deadline, RefundTotals refunds, Times times) {

    /** Identity and ownership. */
    public record Ids(String paymentRequestId, String paymentId, String merchantId) {
    }

    /** The capture deadline (null when unknown), the deadline policy, the number of warnings sent. */
    public record Deadline(Instant at, String policy, int warningsSent) {
    }

    /** When the payment's first and last events occurred. */
    public record Times(Instant createdAt, Instant updatedAt) {
    }
}
