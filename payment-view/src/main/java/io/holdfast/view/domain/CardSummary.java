package io.holdfast.view.domain;

/** What the view may show of a card: the masked number as Antom returned it (first 6 / last 4 at most) and brand. */
public record CardSummary(String maskedCardNo, String brand) {

    /** Keeps a masked number only when it is masked: at most 10 digits shown, so never a full card number. */
    public static CardSummary of(String maskedCardNo, String brand) {
        return new CardSummary(masked(maskedCardNo) ? maskedCardNo : null, brand);
    }

    static boolean masked(String number) {
        if (number == null) {
            return false;
        }
        long digits = number.chars().filter(Character::isDigit).count();
        return digits <= 10 && number.chars().anyMatch(c -> c == '*' || c == 'x' || c == 'X');
    }
}
