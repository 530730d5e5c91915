package io.holdfast.alipay.client.model;

/** Antom's Address (billing or shipping); {@code region} is ISO 3166 alpha-2. */
public record Address(String region, String state, String city, String address1, String address2, String zipCode) {
}
