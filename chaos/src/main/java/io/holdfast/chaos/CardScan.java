package io.holdfast.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Looks for a card number (plain, or grouped by spaces or dashes) and its CVV (as a JSON or key=value pair) in text:
 * what must never reach a Holdfast log, topic or table.
 */
final class CardScan {

    private final Pattern pan;
    private final Pattern cvv;
    private final List<String> found = new ArrayList<>();
    private long scanned;

    CardScan(String cardNumber, String cvvValue) {
        StringBuilder grouped = new StringBuilder();
        for (char digit : cardNumber.toCharArray()) {
            if (grouped.length() > 0) {
                grouped.append("[ -]?");
            }
            grouped.append(digit);
        }
        this.pan = Pattern.compile("(?<!\\d)" + grouped + "(?!\\d)");
        this.cvv = Pattern.compile("(?i)\"?(cvv|cvc|cvv2|securityCode)\"?\\s*[:=]\\s*\"?" + cvvValue + "(?!\\d)");
    }

    void scan(String where, String text) {
        scanned++;
        if (text == null) {
            return;
        }
        if (pan.matcher(text).find()) {
            found.add(where + ": card number");
        }
        if (cvv.matcher(text).find()) {
            found.add(where + ": CVV");
        }
    }

    List<String> found() {
        return found;
    }

    long scanned() {
        return scanned;
    }
}
