package io.holdfast.alipay.client.model;

/**
 * Body of {@code POST /v1/vaults/vaultPaymentMethod} (reference 10). {@code vaultingRequestId} is idempotent on a
 * final result; the final result arrives by notifyVaulting.
 */
public record VaultPaymentMethodRequest(String vaultingRequestId, String vaultingNotificationUrl, String redirectUrl,
        PaymentMethodDetail paymentMethodDetail, Env env, String merchantRegion, String merchantAccountId) {

    public static VaultPaymentMethodRequest card(String vaultingRequestId, String vaultingNotificationUrl,
            String redirectUrl, VaultCard card, Env env) {
        return new VaultPaymentMethodRequest(vaultingRequestId, vaultingNotificationUrl, redirectUrl,
                PaymentMethodDetail.card(card), env, null, null);
    }
}
