package io.holdfast.ingest.domain;

/** Masks card numbers to at most the first 6 and the last 4 digits (PCI DSS 3.4.1 display rule). */
public final class CardMasking {

    private CardMasking() {
    }

    /**
     * Keeps the first 6 and last 4 digits of a number that has at least 13 digits and replaces every other digit
     * with {@code *}; a value that is already masked (or too short to be a PAN) keeps its non-digit characters and
     * loses all but its last 4 digits. Returns null for null.
     */
    public static String mask(String cardNo) {
        if (cardNo == null) {
            return null;
        }
        long digits = cardNo.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder(cardNo.length());
        int seen = 0;
        for (char c : cardNo.toCharArray()) {
            if (!Character.isDigit(c)) {
                out.append(c);
                continue;
            }
            seen++;
            boolean head = digits >= 13 && seen <= 6;
            boolean tail = seen > digits - 4;
            out.append(head || tail ? c : '*');
        }
        return out.toString();
    }
}
