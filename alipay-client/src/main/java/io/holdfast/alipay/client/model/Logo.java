package io.holdfast.alipay.client.model;

/** A payment method or card brand logo. */
public record Logo(String logoName, String logoUrl) {
}
