package io.holdfast.alipay.client.model;

/** Body of notifyVaulting (reference 7.3): the vaulting result and, on success, the card token. */
public record VaultingResultNotification(String notifyType, Result result, String vaultingRequestId,
        PaymentMethodDetail paymentMethodDetail, String vaultingCreateTime) {
}
