package io.holdfast.ingest.domain;

import java.util.Objects;

/**
 * An amount in the currency's minor units (ISO 4217 exponent), as Antom's Amount object and the Avro contract carry
 * it.
 *
 * @param valueMinor minor units, e.g. 1999 for USD 19.99
 * @param currency ISO 4217 alphabetic code, upper case
 */
public record Money(long valueMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }
}
