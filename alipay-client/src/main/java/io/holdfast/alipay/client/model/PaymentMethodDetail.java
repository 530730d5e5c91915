package io.holdfast.alipay.client.model;

/** {@code paymentMethodDetail} of vaulting: {@code paymentMethodType} CARD and the card. */
public record PaymentMethodDetail(String paymentMethodType, VaultCard card) {

    public static PaymentMethodDetail card(VaultCard card) {
        return new PaymentMethodDetail(PaymentMethod.CARD, card);
    }
}
