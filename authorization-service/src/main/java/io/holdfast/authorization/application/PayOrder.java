package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.CaptureMode;
import io.holdfast.authorization.domain.Money;
import java.util.List;

/**
 * Everything Antom pay needs for one card authorization, as the AuthorizePayment command carried it. Holds a card
 * token, never a card number; {@link #toString()} does not print the token.
 */
public record PayOrder(String paymentRequestId, Money amount, CaptureMode captureMode, Card card, OrderInfo order,
        Environment env, String paymentRedirectUrl, String settlementCurrency, String merchantRegion) {

    /** A stored card by reference. */
    public record Card(String cardToken, boolean cardOnFile, String networkTransactionId,
            boolean threeDSAuthentication) {
        @Override
        public String toString() {
            return "Card[cardToken=<redacted>, cardOnFile=" + cardOnFile + ", threeDS=" + threeDSAuthentication + "]";
        }
    }

    /** The order for Antom's risk control and display. */
    public record OrderInfo(String referenceOrderId, String orderDescription, Money orderAmount, Buyer buyer,
            List<Goods> goods) {
        public OrderInfo {
            goods = goods == null ? List.of() : List.copyOf(goods);
        }
    }

    /** The buyer as the merchant knows them. */
    public record Buyer(String referenceBuyerId, String fullName, String email, String phoneNo) {
    }

    /** One order line. */
    public record Goods(String referenceGoodsId, String goodsName, String goodsCategory, Money unitAmount,
            int quantity) {
    }

    /** The buyer's environment (needed for 3-D Secure 2). */
    public record Environment(String terminalType, String osType, String clientIp, String userAgent,
            String acceptHeader, String language, String deviceTokenId) {
    }
}
