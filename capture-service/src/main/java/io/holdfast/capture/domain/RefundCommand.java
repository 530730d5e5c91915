package io.holdfast.capture.domain;

/**
 * A merchant's RefundPayment.
 *
 * @param refundRequestId the merchant's refund id; null = derived from the commandId ({@link RefundRules#refundRequestIdFor})
 * @param captureId the capture to refund; null = the payment's capture
 * @param contentFingerprint digest of the command's content (as for CapturePayment), kept in the inbox
 */
public record RefundCommand(String commandId, String paymentRequestId, String refundRequestId, Money amount,
        String reason, String captureId, String contentFingerprint) {
}
