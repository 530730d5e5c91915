package io.holdfast.alipay.client.model;

/** A card brand a payment option supports, e.g. VISA, MASTERCARD. */
public record SupportCardBrand(String cardBrand, Logo logo) {
}
