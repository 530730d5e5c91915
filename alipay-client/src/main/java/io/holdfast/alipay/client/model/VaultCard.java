package io.holdfast.alipay.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code paymentMethodDetail.card} of vaulting: raw card data going in (PCI DSS scope), the {@code cardToken} and
 * masked facts coming back.
 *
 * <p>{@link #toString()} never prints the card number, CVV, expiry or token.
 */
public record VaultCard(String cardNo, String expiryYear, String expiryMonth, String cvv, UserName cardholderName,
        Address billingAddress, @JsonProperty("is3DSAuthentication") Boolean is3DSAuthentication, String cardToken,
        String maskedCardNo, String brand, String cardBrand, String funding, String issuingCountry) {

    public static VaultCard of(String cardNo, String cvv, String expiryYear, String expiryMonth,
            UserName cardholderName, Address billingAddress) {
        return new VaultCard(cardNo, expiryYear, expiryMonth, cvv, cardholderName, billingAddress, null, null, null,
                null, null, null, null);
    }

    @Override
    public String toString() {
        return "VaultCard[cardNo=" + (cardNo == null ? null : "<redacted>") + ", cvv=" + (cvv == null ? null : "<redacted>")
                + ", cardToken=" + (cardToken == null ? null : "<redacted>") + ", maskedCardNo=" + maskedCardNo
                + ", cardBrand=" + (cardBrand == null ? brand : cardBrand) + ", issuingCountry=" + issuingCountry + "]";
    }
}
