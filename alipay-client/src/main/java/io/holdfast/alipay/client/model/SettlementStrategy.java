package io.holdfast.alipay.client.model;

/** Which of the merchant's contracted settlement currencies to settle in. */
public record SettlementStrategy(String settlementCurrency) {
}
