package io.holdfast.alipay.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Card keys of {@code paymentMethod.paymentMethodMetaData} for server-to-server card pay (reference 3.1). Sending a
 * raw {@code cardNo}/{@code cvv} requires PCI DSS compliance; prefer a vaulted {@code paymentMethodId}.
 *
 * <p>{@link #toString()} never prints the card number, CVV or expiry.
 *
 * @param expiryYear two digits, e.g. {@code "28"}
 * @param expiryMonth two digits, e.g. {@code "06"}
 * @param tokenize ask Antom to vault the card and return a {@code cardToken}
 * @param isCardOnFile set with {@code paymentMethodId} = a cardToken
 */
public record CardMetaData(String cardNo, String cvv, String expiryYear, String expiryMonth, UserName cardholderName,
        Address billingAddress, @JsonProperty("is3DSAuthentication") Boolean is3DSAuthentication,
        Boolean enableAuthenticationUpgrade, Boolean tokenize, @JsonProperty("isCardOnFile") Boolean isCardOnFile,
        String networkTransactionId, String cpf, String payerEmail, String selectedCardBrand) {

    /** A new card entered by the buyer. */
    public static CardMetaData card(String cardNo, String cvv, String expiryYear, String expiryMonth,
            UserName cardholderName, Address billingAddress) {
        return new CardMetaData(cardNo, cvv, expiryYear, expiryMonth, cardholderName, billingAddress, null, null, null,
                null, null, null, null, null);
    }

    /** Marks a payment with a stored card ({@code paymentMethodId} = cardToken) as card-on-file. */
    public static CardMetaData cardOnFile(String networkTransactionId) {
        return new CardMetaData(null, null, null, null, null, null, null, null, null, true, networkTransactionId, null,
                null, null);
    }

    public CardMetaData with3DS(boolean force) {
        return new CardMetaData(cardNo, cvv, expiryYear, expiryMonth, cardholderName, billingAddress, force,
                enableAuthenticationUpgrade, tokenize, isCardOnFile, networkTransactionId, cpf, payerEmail,
                selectedCardBrand);
    }

    @Override
    public String toString() {
        return "CardMetaData[cardNo=" + (cardNo == null ? null : "<redacted>") + ", cvv=" + (cvv == null ? null : "<redacted>")
                + ", expiry=" + (expiryYear == null ? null : "<redacted>") + ", is3DSAuthentication=" + is3DSAuthentication
                + ", tokenize=" + tokenize + ", isCardOnFile=" + isCardOnFile + "]";
    }
}
