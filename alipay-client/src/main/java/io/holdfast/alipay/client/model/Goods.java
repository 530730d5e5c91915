package io.holdfast.alipay.client.model;

/** One line of an {@link Order}; {@code deliveryMethodType} is PHYSICAL or DIGITAL. */
public record Goods(String referenceGoodsId, String goodsName, String goodsCategory, String goodsBrand,
        Amount goodsUnitAmount, String goodsQuantity, String goodsSkuName, String goodsUrl,
        String deliveryMethodType) {
}
