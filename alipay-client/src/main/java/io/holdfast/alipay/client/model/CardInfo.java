package io.holdfast.alipay.client.model;

/**
 * Card facts on the inquiryPayment response ({@code cardNo} masked by Antom). {@link #toString()} never prints the
 * card token.
 */
public record CardInfo(String cardNo, String cardBrand, String cardToken, String issuingCountry, String funding,
        String paymentMethodRegion, ThreeDSResult threeDSResult) {

    @Override
    public String toString() {
        return "CardInfo[cardBrand=" + cardBrand + ", issuingCountry=" + issuingCountry + ", funding=" + funding
                + ", cardToken=" + (cardToken == null ? null : "<redacted>") + "]";
    }
}
