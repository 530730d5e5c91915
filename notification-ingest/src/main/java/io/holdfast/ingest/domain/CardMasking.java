package io.holdfast.ingest.domain;

/** Masks card numbers to at most the first 6 and the last 4 digits (PCI DSS 3.4.1 display rule). */
public final class CardMasking {

    private CardMasking() {
    }

    /**
     * Keeps the characters at the first 6 and the last 4 positions of a card-number-length value (13 or more
     * characters) and replaces every other digit with {@code *}; a shorter value keeps only its last 4 positions.
     * Non-digits (an existing mask) are kept. Returns null for null.
     */
    public static String mask(String cardNo) {
        if (cardNo == null) {
            return null;
        }
        int length = cardNo.length();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = cardNo.charAt(i);
            boolean keep = !Character.isDigit(c) || i >= length - 4 || (length >= 13 && i < 6);
            out.append(keep ? c : '*');
        }
        return out.toString();
    }
}
