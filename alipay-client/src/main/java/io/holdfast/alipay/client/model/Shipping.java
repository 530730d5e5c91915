package io.holdfast.alipay.client.model;

/** Shipping details of an {@link Order}. */
public record Shipping(UserName shippingName, Address shippingAddress, String shippingCarrier, String shippingPhoneNo,
        String shipToEmail) {
}
