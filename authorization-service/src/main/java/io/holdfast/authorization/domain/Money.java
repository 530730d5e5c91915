package io.holdfast.authorization.domain;

import java.util.Objects;

/** An amount in the currency's ISO 4217 minor units, as Antom carries it. */
public record Money(long valueMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }
}
