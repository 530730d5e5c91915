package io.holdfast.alipay.sandbox.core;

/**
 * Card data held in memory while the sandbox runs (for card tokens). Never logged: {@link #toString()} masks.
 *
 * @param number the PAN, digits only
 * @param expiryMonth two digits
 * @param expiryYear two digits
 * @param holderName full name as given, may be null
 */
public record Card(String number, String expiryMonth, String expiryYear, String holderName) {

    public CardProfile profile() {
        return TestCards.profile(number);
    }

    public String bin() {
        return number.substring(0, 6);
    }

    public String lastFour() {
        return number.substring(number.length() - 4);
    }

    /** {@code 405469******0768}, the way Antom masks card numbers. */
    public String masked() {
        return bin() + "*".repeat(number.length() - 10) + lastFour();
    }

    @Override
    public String toString() {
        return "Card[" + masked() + "]";
    }
}
