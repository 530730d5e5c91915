package io.holdfast.capture.domain;

import java.time.Instant;

/**
 * A verified notifyRefund (antom-refunds.md 6): final, SUCCESS or FAIL. It carries no paymentId; the refund is found
 * by its refundRequestId.
 *
 * @param notificationId the edge's id (hash of the signed body): Antom's retries share it
 * @param resultCode the failure's code when it failed
 */
public record RefundNotice(String notificationId, String refundRequestId, String refundId, boolean succeeded,
        String resultCode, String resultMessage, Money amount, Instant refundTime) {
}
