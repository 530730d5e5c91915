package io.holdfast.alipay.client.model;

/**
 * A capture, refund, cancel... attached to a payment in inquiryPayment. For CAPTURE, {@code transactionId} is the
 * captureId and {@code transactionRequestId} the captureRequestId.
 */
public record Transaction(TransactionType transactionType, TransactionStatus transactionStatus,
        Result transactionResult, String transactionId, String transactionRequestId, Amount transactionAmount,
        String transactionTime) {
}
