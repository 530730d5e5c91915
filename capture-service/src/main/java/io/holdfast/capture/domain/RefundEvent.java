package io.holdfast.capture.domain;

import java.time.Instant;

/** What a refund decision or outcome publishes (payments.events). */
public sealed interface RefundEvent {

    String paymentRequestId();

    /** Sent to Antom and in process, or its result not known yet: the amount is pending (reserved). */
    record Requested(String paymentRequestId, String paymentId, String refundRequestId, String refundId,
            String captureId, Money amount, String reason, RefundTotals totals) implements RefundEvent {
    }

    record Succeeded(String paymentRequestId, String paymentId, String refundRequestId, String refundId, Money amount,
            Instant refundedAt, RefundTotals totals) implements RefundEvent {
    }

    /** Nothing was given back; the amount is refundable again. */
    record Failed(String paymentRequestId, String paymentId, String refundRequestId, Money amount, String resultCode,
            String resultMessage, RefundAdvice advice, RefundTotals totals) implements RefundEvent {
    }

    /**
     * The RefundPayment was refused before anything was sent.
     *
     * @param paymentId null when the payment is not known here
     * @param advice what to send instead (e.g. {@code CancelPayment} before capture), or null
     */
    record Rejected(String paymentRequestId, String paymentId, String commandId, RejectionReason reason, String field,
            String message, String advice) implements RefundEvent {
    }
}
