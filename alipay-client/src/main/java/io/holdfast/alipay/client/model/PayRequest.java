package io.holdfast.alipay.client.model;

/**
 * Body of {@code POST /v1/payments/pay} (reference 3.1). {@code paymentRequestId} is the idempotency key: resend
 * the same id after an unknown outcome; a new id is a new payment.
 */
public record PayRequest(String productCode, String paymentRequestId, Order order, Amount paymentAmount,
        PaymentMethod paymentMethod, PaymentFactor paymentFactor, String paymentRedirectUrl, String paymentNotifyUrl,
        SettlementStrategy settlementStrategy, Env env, String paymentExpiryTime, String merchantRegion,
        String merchantAccountId, String userRegion) {

    public static final String CASHIER_PAYMENT = "CASHIER_PAYMENT";

    /** A card authorization with the fields Antom requires; optional ones can be set with the {@code with*} methods. */
    public static PayRequest card(String paymentRequestId, Order order, Amount paymentAmount, PaymentMethod paymentMethod,
            CaptureMode captureMode, String paymentRedirectUrl, Env env) {
        return new PayRequest(CASHIER_PAYMENT, paymentRequestId, order, paymentAmount, paymentMethod,
                PaymentFactor.authorization(captureMode), paymentRedirectUrl, null, null, env, null, null, null, null);
    }

    public PayRequest withPaymentNotifyUrl(String url) {
        return new PayRequest(productCode, paymentRequestId, order, paymentAmount, paymentMethod, paymentFactor,
                paymentRedirectUrl, url, settlementStrategy, env, paymentExpiryTime, merchantRegion, merchantAccountId,
                userRegion);
    }

    public PayRequest withSettlementCurrency(String currency) {
        return new PayRequest(productCode, paymentRequestId, order, paymentAmount, paymentMethod, paymentFactor,
                paymentRedirectUrl, paymentNotifyUrl, new SettlementStrategy(currency), env, paymentExpiryTime,
                merchantRegion, merchantAccountId, userRegion);
    }

    public PayRequest withMerchantRegion(String region) {
        return new PayRequest(productCode, paymentRequestId, order, paymentAmount, paymentMethod, paymentFactor,
                paymentRedirectUrl, paymentNotifyUrl, settlementStrategy, env, paymentExpiryTime, region,
                merchantAccountId, userRegion);
    }
}
