package io.holdfast.view.domain;

/** An amount in the currency's minor units (ISO 4217), as the contract carries it. */
public record Money(long valueMinor, String currency) {
}
