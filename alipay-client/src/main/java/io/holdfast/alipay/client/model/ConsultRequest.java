package io.holdfast.alipay.client.model;

import java.util.List;

/** Body of {@code POST /v1/payments/consult} (reference 2). */
public record ConsultRequest(String productCode, Amount paymentAmount, Env env, String merchantRegion,
        String merchantAccountId, String userRegion, List<String> allowedPaymentMethodRegions, Buyer buyer,
        SettlementStrategy settlementStrategy, PaymentFactor paymentFactor) {

    public static ConsultRequest cashier(Amount paymentAmount, Env env) {
        return new ConsultRequest(PayRequest.CASHIER_PAYMENT, paymentAmount, env, null, null, null, null, null, null,
                null);
    }
}
