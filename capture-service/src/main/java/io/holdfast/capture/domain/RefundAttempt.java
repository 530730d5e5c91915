package io.holdfast.capture.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One refund of a captured payment (one row of {@code refund_attempt}), written before Antom is called. Immutable:
 * every change is a named step that checks {@link RefundStatus}.
 *
 * @param refundRequestId Antom's idempotency key: reused on every retry and inquiry of this refund
 * @param dueAt when the reconciler looks at it next; null once final
 * @param inquiries how many inquiries found it not final (drives the backoff)
 */
public record RefundAttempt(String refundRequestId, String paymentRequestId, String paymentId, String merchantId,
        String commandId, Money amount, String reason, String captureId, RefundStatus status, String refundId,
        String resultCode, String resultMessage, RefundAdvice advice, Instant requestedAt, Instant refundedAt,
        Instant dueAt, int inquiries) {

    public RefundAttempt {
        Objects.requireNonNull(refundRequestId, "refundRequestId");
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** A new attempt, due at once (sent right after its row commits; the reconciler resends it after a crash). */
    public static RefundAttempt requested(String refundRequestId, Authorization payment, String merchantId,
            RefundCommand command, Instant now, Instant dueAt) {
        return new RefundAttempt(refundRequestId, payment.paymentRequestId(), payment.paymentId(), merchantId,
                command.commandId(), command.amount(), command.reason(),
                command.captureId() != null ? command.captureId() : payment.captureId(), RefundStatus.REQUESTED,
                null, null, null, null, now, null, dueAt, 0);
    }

    public RefundAttempt pending(String antomRefundId, Instant nextInquiry, int inquiriesSoFar) {
        RefundStatus.PENDING.assertCanFollow(status);
        return new RefundAttempt(refundRequestId, paymentRequestId, paymentId, merchantId, commandId, amount, reason,
                captureId, RefundStatus.PENDING, antomRefundId != null ? antomRefundId : refundId, resultCode,
                resultMessage, advice, requestedAt, null, nextInquiry, inquiriesSoFar);
    }

    public RefundAttempt unknown(Instant nextInquiry, int inquiriesSoFar) {
        RefundStatus.UNKNOWN.assertCanFollow(status);
        return new RefundAttempt(refundRequestId, paymentRequestId, paymentId, merchantId, commandId, amount, reason,
                captureId, RefundStatus.UNKNOWN, refundId, resultCode, resultMessage, advice, requestedAt, null,
                nextInquiry, inquiriesSoFar);
    }

    public RefundAttempt succeeded(String antomRefundId, Instant at) {
        RefundStatus.SUCCEEDED.assertCanFollow(status);
        return new RefundAttempt(refundRequestId, paymentRequestId, paymentId, merchantId, commandId, amount, reason,
                captureId, RefundStatus.SUCCEEDED, antomRefundId != null ? antomRefundId : refundId, "SUCCESS",
                null, RefundAdvice.NONE, requestedAt, at, null, inquiries);
    }

    public RefundAttempt failed(String code, String message, RefundAdvice failureAdvice) {
        RefundStatus.FAILED.assertCanFollow(status);
        return new RefundAttempt(refundRequestId, paymentRequestId, paymentId, merchantId, commandId, amount, reason,
                captureId, RefundStatus.FAILED, refundId, code, message, failureAdvice, requestedAt, null, null,
                inquiries);
    }
}
