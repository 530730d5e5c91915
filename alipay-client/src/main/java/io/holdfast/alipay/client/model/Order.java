package io.holdfast.alipay.client.model;

import java.util.List;

/**
 * The merchant order behind a payment. Antom does not check it against {@code paymentAmount}; it feeds risk,
 * reporting and display. The SDK demos always send {@code referenceOrderId}, {@code orderDescription},
 * {@code orderAmount} and {@code buyer.referenceBuyerId}.
 */
public record Order(String referenceOrderId, String orderDescription, Amount orderAmount, Buyer buyer,
        List<Goods> goods, Shipping shipping) {

    public static Order of(String referenceOrderId, String orderDescription, Amount orderAmount, Buyer buyer) {
        return new Order(referenceOrderId, orderDescription, orderAmount, buyer, null, null);
    }
}
