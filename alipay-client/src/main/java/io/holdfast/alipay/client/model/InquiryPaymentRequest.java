package io.holdfast.alipay.client.model;

/**
 * Body of {@code POST /v1/payments/inquiryPayment} (reference 6). After a pay timeout or unknown outcome, inquire
 * by {@code paymentRequestId}; if both ids are sent, {@code paymentId} wins.
 */
public record InquiryPaymentRequest(String paymentRequestId, String paymentId, String merchantAccountId) {

    public static InquiryPaymentRequest byPaymentRequestId(String paymentRequestId) {
        return new InquiryPaymentRequest(paymentRequestId, null, null);
    }

    public static InquiryPaymentRequest byPaymentId(String paymentId) {
        return new InquiryPaymentRequest(null, paymentId, null);
    }
}
