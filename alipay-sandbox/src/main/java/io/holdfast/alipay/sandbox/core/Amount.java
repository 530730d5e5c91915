package io.holdfast.alipay.sandbox.core;

/**
 * An Antom {@code Amount}: ISO 4217 currency and a value in minor units (sent on the wire as a digit string).
 *
 * @param currency three upper-case letters
 * @param value positive number of minor units
 */
public record Amount(String currency, long value) {

    public String valueText() {
        return Long.toString(value);
    }

    @Override
    public String toString() {
        return currency + " " + value;
    }
}
