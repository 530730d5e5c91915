package io.holdfast.capture.domain;

import java.util.Objects;

/**
 * An amount in ISO 4217 minor units.
 *
 * @param valueMinor positive amount in the currency's smallest unit
 * @param currency ISO 4217 alphabetic code
 */
public record Money(long valueMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (valueMinor <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + valueMinor);
        }
        if (currency.length() != 3) {
            throw new IllegalArgumentException("currency must be ISO 4217: " + currency);
        }
    }

    @Override
    public String toString() {
        return valueMinor + " " + currency;
    }
}
