package io.holdfast.alipay.client.model;

/**
 * Body of notifyRefund (antom-refunds.md 6): a refund reached SUCCESS or FAIL; never sent while processing.
 * {@code notifyType} is {@code REFUND_RESULT}; {@code result} carries the failure code. It has no paymentId: the
 * refund is found by {@code refundRequestId}.
 */
public record RefundResultNotification(String notifyType, Result result, RefundStatus refundStatus,
        String refundRequestId, String refundId, Amount refundAmount, String refundTime, Amount grossSettlementAmount,
        String arn, String metadata) {

    public static final String REFUND_RESULT = "REFUND_RESULT";
}
