package io.holdfast.alipay.client.model;

/**
 * Response of inquiryRefund (antom-refunds.md 5). {@code result} is the outcome of the query call only;
 * {@code refundStatus} is the refund's. Where a failed refund's code appears is UNCONFIRMED: Antom documents no
 * {@code refundFailReason}; the sandbox puts it in {@code refundResult} (an extension, null from Antom).
 *
 * @param refundStatus SUCCESS, PROCESSING or FAIL; null when there is no record (ORDER_NOT_EXIST)
 * @param refundTime only on SUCCESS
 */
public record InquiryRefundResponse(Result result, RefundStatus refundStatus, String refundRequestId,
        String refundId, Amount refundAmount, String refundTime, Amount grossSettlementAmount, String metadata,
        Result refundResult) implements AlipayResponse {
}
