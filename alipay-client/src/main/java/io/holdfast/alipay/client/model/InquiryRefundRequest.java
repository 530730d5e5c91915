package io.holdfast.alipay.client.model;

/**
 * Body of {@code POST /v1/payments/inquiryRefund} (antom-refunds.md 5). At least one id; {@code refundId} wins when
 * both are sent. After a timeout, inquire by {@code refundRequestId} (the refundId may never have come back).
 */
public record InquiryRefundRequest(String refundRequestId, String refundId, String merchantAccountId) {

    public static InquiryRefundRequest byRefundRequestId(String refundRequestId) {
        return new InquiryRefundRequest(refundRequestId, null, null);
    }

    public static InquiryRefundRequest byRefundId(String refundId) {
        return new InquiryRefundRequest(null, refundId, null);
    }
}
