package io.holdfast.alipay.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Body of {@code POST /v1/payments/refund} (antom-refunds.md 1). {@code refundRequestId} is the idempotency key:
 * reuse it on every retry of the same refund, and use a new one for every new (partial) refund.
 *
 * @param refundRequestId the merchant's refund id (at most 64 characters)
 * @param paymentId Antom's id of the captured payment
 * @param referenceRefundId the selling merchant's refund id, for reconciliation (optional)
 * @param refundAmount minor units, at least 1, in the payment's currency
 * @param refundReason shown to the buyer (optional, at most 256 characters)
 * @param refundNotifyUrl where notifyRefund goes; overrides the Dashboard URL (optional)
 * @param captureId which capture to refund when there are several (optional)
 * @param metadata echoed by inquiryRefund and notifyRefund (optional)
 * @param isAsyncRefund SDK-only, semantics UNCONFIRMED; leave null
 */
public record RefundRequest(String refundRequestId, String paymentId, String referenceRefundId, Amount refundAmount,
        String refundReason, String refundNotifyUrl, String captureId, String metadata,
        @JsonProperty("isAsyncRefund") Boolean isAsyncRefund) {

    public static RefundRequest of(String refundRequestId, String paymentId, Amount refundAmount, String refundReason,
            String captureId) {
        return new RefundRequest(refundRequestId, paymentId, null, refundAmount, refundReason, null, captureId, null,
                null);
    }

    /** The fields Antom requires that are missing or blank: refundRequestId, paymentId and refundAmount. */
    public List<String> missingRequiredFields() {
        List<String> missing = new ArrayList<>();
        PayRequest.require(missing, "refundRequestId", refundRequestId);
        PayRequest.require(missing, "paymentId", paymentId);
        PayRequest.require(missing, "refundAmount", refundAmount);
        return List.copyOf(missing);
    }
}
