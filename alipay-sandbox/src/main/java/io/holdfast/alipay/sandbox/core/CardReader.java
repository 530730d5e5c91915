package io.holdfast.alipay.sandbox.core;

import java.util.regex.Pattern;

/**
 * Reads raw card fields (pay {@code paymentMethodMetaData}, vault {@code paymentMethodDetail.card}). Format
 * violations are PARAM_ILLEGAL; values that are well-formed but unusable (bad Luhn, month 13) are card declines
 * decided by {@link #formatDecline(Card)}.
 */
final class CardReader {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private CardReader() {
    }

    static Card read(RequestReader card) {
        String number = card.text("cardNo", 32);
        if (!DIGITS.matcher(number).matches()) {
            throw new ParamIllegalException(card.name("cardNo") + " must contain digits only");
        }
        String month = twoDigits(card, "expiryMonth");
        String year = twoDigits(card, "expiryYear");
        String cvv = card.text("cvv", 3);
        if (cvv.length() != 3 || !DIGITS.matcher(cvv).matches()) {
            throw new ParamIllegalException(card.name("cvv") + " must be 3 digits");
        }
        return new Card(number, month, year, holderName(card));
    }

    /** INVALID_CARD_NUMBER or INVALID_EXPIRATION_DATE for unusable card data, else null. */
    static DeclineCode formatDecline(Card card) {
        String number = card.number();
        if (number.length() < 12 || number.length() > 19 || !TestCards.luhnValid(number)) {
            return DeclineCode.INVALID_CARD_NUMBER;
        }
        int month = Integer.parseInt(card.expiryMonth());
        if (month < 1 || month > 12) {
            return DeclineCode.INVALID_EXPIRATION_DATE;
        }
        return null;
    }

    private static String twoDigits(RequestReader card, String field) {
        String value = card.text(field, 2);
        if (value.length() != 2 || !DIGITS.matcher(value).matches()) {
            throw new ParamIllegalException(card.name(field) + " must be two digits");
        }
        return value;
    }

    private static String holderName(RequestReader card) {
        return card.optionalObject("cardholderName").map(name -> {
            String full = name.optionalText("fullName", 128);
            if (full != null) {
                return full;
            }
            String first = name.optionalText("firstName", 32);
            String middle = name.optionalText("middleName", 32);
            String last = name.optionalText("lastName", 32);
            return String.join(" ", java.util.stream.Stream.of(first, middle, last)
                    .filter(java.util.Objects::nonNull).toList());
        }).orElse(null);
    }
}
