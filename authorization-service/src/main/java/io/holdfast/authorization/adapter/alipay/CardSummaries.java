package io.holdfast.authorization.adapter.alipay;

import io.holdfast.alipay.client.model.CardInfo;
import io.holdfast.alipay.client.model.PaymentResultInfo;
import io.holdfast.authorization.domain.CardSummary;

/** Card facts from Antom's responses, with the card number masked even if Antom sent more than it should. */
final class CardSummaries {

    private CardSummaries() {
    }

    static CardSummary of(PaymentResultInfo info, CardInfo fallback) {
        if (info != null) {
            return new CardSummary(mask(info.cardNo(), info.lastFour()), info.cardBrand(), info.funding(),
                    info.issuingCountry());
        }
        if (fallback != null) {
            return new CardSummary(mask(fallback.cardNo(), null), fallback.cardBrand(), fallback.funding(),
                    fallback.issuingCountry());
        }
        return null;
    }

    /** At most the first 6 and last 4 digits survive (PCI DSS display rule). */
    static String mask(String cardNo, String lastFour) {
        if (cardNo == null || cardNo.isBlank()) {
            return lastFour == null ? null : "************" + lastFour;
        }
        String digitsOnly = cardNo.replaceAll("[^0-9]", "");
        if (digitsOnly.length() <= 10) {
            return cardNo;
        }
        return digitsOnly.substring(0, 6) + "*".repeat(digitsOnly.length() - 10)
                + digitsOnly.substring(digitsOnly.length() - 4);
    }
}
