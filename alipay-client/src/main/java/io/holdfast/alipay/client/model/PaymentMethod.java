package io.holdfast.alipay.client.model;

/**
 * The method a payment uses. For cards {@code paymentMethodType} is {@code CARD}; pay either with a vaulted card
 * ({@code paymentMethodId} = cardToken) or with raw card data in {@code paymentMethodMetaData}.
 *
 * <p>{@link #toString()} never prints the card token.
 */
public record PaymentMethod(String paymentMethodType, String paymentMethodId, CardMetaData paymentMethodMetaData) {

    public static final String CARD = "CARD";

    /** Pay with a card token from vaulting (or from an earlier {@code tokenize} pay). */
    public static PaymentMethod cardToken(String cardToken) {
        return new PaymentMethod(CARD, cardToken, null);
    }

    /** Pay with raw card data (server-to-server; PCI DSS scope). */
    public static PaymentMethod card(CardMetaData card) {
        return new PaymentMethod(CARD, null, card);
    }

    @Override
    public String toString() {
        return "PaymentMethod[paymentMethodType=" + paymentMethodType + ", paymentMethodId="
                + (paymentMethodId == null ? null : "<redacted>") + ", paymentMethodMetaData=" + paymentMethodMetaData + "]";
    }
}
