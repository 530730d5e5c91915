package io.holdfast.alipay.client.model;

/**
 * Antom's Amount: ISO 4217 currency and a positive integer in the currency's smallest unit, sent as a string.
 *
 * @param currency ISO 4217 alphabetic code, e.g. {@code USD}
 * @param value minor units as a decimal string, e.g. {@code "1999"} for USD 19.99
 */
public record Amount(String currency, String value) {

    public static Amount ofMinor(String currency, long minorUnits) {
        return new Amount(currency, Long.toString(minorUnits));
    }

    /** The value as a number; throws {@link NumberFormatException} when Antom sent something that is not one. */
    public long minorUnits() {
        return Long.parseLong(value.strip());
    }
}
