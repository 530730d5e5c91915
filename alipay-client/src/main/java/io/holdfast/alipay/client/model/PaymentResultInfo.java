package io.holdfast.alipay.client.model;

/**
 * Card details of a payment result (pay, inquiryPayment, notifyPayment). {@code cardNo} is masked by Antom;
 * {@code cardToken} is present when the card was tokenized and is what later pays go in {@code paymentMethodId}.
 *
 * <p>{@link #toString()} never prints the card token or card number.
 */
public record PaymentResultInfo(String cardNo, String cardBrand, String cardToken, String issuingCountry,
        String funding, String paymentMethodRegion, String issuerName, String cardBin, String lastFour,
        String expiryMonth, String expiryYear, String cardCategory, String avsResultRaw, String cvvResultRaw,
        String networkTransactionId, String authorizationCode, String refusalCodeRaw, String refusalReasonRaw,
        String merchantAdviceCode, ThreeDSResult threeDSResult, String credentialTypeUsed, String rrn) {

    @Override
    public String toString() {
        return "PaymentResultInfo[cardBrand=" + cardBrand + ", issuingCountry=" + issuingCountry + ", funding=" + funding
                + ", lastFour=" + lastFour + ", cardToken=" + (cardToken == null ? null : "<redacted>")
                + ", refusalCodeRaw=" + refusalCodeRaw + ", threeDSResult=" + threeDSResult + "]";
    }
}
