package io.holdfast.alipay.client.model;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * The fields Antom requires that are missing or blank, as dotted paths (e.g. {@code order.orderDescription}):
     * {@code productCode}, {@code paymentRequestId}, {@code order} with {@code referenceOrderId},
     * {@code orderDescription} and {@code orderAmount} (reference 3.1: treat these as required), {@code paymentAmount},
     * {@code paymentMethod.paymentMethodType}, {@code paymentRedirectUrl} and {@code env.terminalType}. Antom (and
     * the sandbox) answer F/PARAM_ILLEGAL for such a request; check this before sending to fail fast instead.
     */
    public List<String> missingRequiredFields() {
        List<String> missing = new ArrayList<>();
        require(missing, "productCode", productCode);
        require(missing, "paymentRequestId", paymentRequestId);
        if (order == null) {
            missing.add("order");
        } else {
            require(missing, "order.referenceOrderId", order.referenceOrderId());
            require(missing, "order.orderDescription", order.orderDescription());
            require(missing, "order.orderAmount", order.orderAmount());
        }
        require(missing, "paymentAmount", paymentAmount);
        if (paymentMethod == null) {
            missing.add("paymentMethod");
        } else {
            require(missing, "paymentMethod.paymentMethodType", paymentMethod.paymentMethodType());
        }
        require(missing, "paymentRedirectUrl", paymentRedirectUrl);
        if (env == null) {
            missing.add("env");
        } else {
            require(missing, "env.terminalType", env.terminalType());
        }
        return List.copyOf(missing);
    }

    static void require(List<String> missing, String path, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            missing.add(path);
        }
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
