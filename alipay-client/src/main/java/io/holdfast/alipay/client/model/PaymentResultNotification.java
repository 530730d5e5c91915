package io.holdfast.alipay.client.model;

/**
 * Body of notifyPayment (reference 7.1): for cards, the final authorization result. {@code notifyType} is
 * {@code PAYMENT_RESULT} (final S or F) or {@code PAYMENT_PENDING} (buyer done, final result to come).
 */
public record PaymentResultNotification(String notifyType, Result result, String paymentRequestId, String paymentId,
        Amount paymentAmount, String paymentCreateTime, String paymentTime, String authExpiryTime,
        PaymentResultInfo paymentResultInfo, String acquirerReferenceNo, String paymentMethodType) {

    public static final String PAYMENT_RESULT = "PAYMENT_RESULT";
    public static final String PAYMENT_PENDING = "PAYMENT_PENDING";
}
