package io.holdfast.alipay.client.model;

/**
 * Response of refund (antom-refunds.md 1). The ids and the amount come back only with resultStatus S; a card refund
 * is normally answered U/REFUND_IN_PROCESS without a refundId. {@code refundTime} is when the refund reached S, F
 * or U.
 */
public record RefundResponse(Result result, String refundRequestId, String refundId, String paymentId,
        Amount refundAmount, String refundTime, Amount grossSettlementAmount, String acquirerReferenceNo)
        implements AlipayResponse {
}
