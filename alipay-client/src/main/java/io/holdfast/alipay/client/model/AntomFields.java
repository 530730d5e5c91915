package io.holdfast.alipay.client.model;

import io.holdfast.alipay.client.SensitiveDataMasker;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Antom's field rules as the reference states them (section 9 "Amounts, times, identifiers", 7.1-7.3 notification
 * bodies), written once for every place that must enforce them: the edge on a signed notification, the services on
 * every record they consume. No framework: plain values in, the first broken rule out. A {@link Violation}'s message
 * names the field and the rule, never the value (which may be hostile or a card number).
 */
public final class AntomFields {

    /** paymentRequestId, paymentId, captureRequestId, captureId, vaultingRequestId, referenceOrderId, ... */
    public static final int ID_MAX = 64;
    public static final int RESULT_CODE_MAX = 64;
    public static final int RESULT_MESSAGE_MAX = 256;
    public static final int CARD_TOKEN_MAX = 2048;
    public static final int PAYMENT_METHOD_TYPE_MAX = 64;
    public static final int URL_MAX = 2048;
    /** Amount.value is String(16) of minor units (reference 9): at most 16 digits. */
    public static final long AMOUNT_MAX = 9_999_999_999_999_999L;
    /** result.resultStatus: S, F, and U (notifications list PAYMENT_IN_PROCESS and UNKNOWN_EXCEPTION as U codes). */
    public static final Set<String> RESULT_STATUSES = Set.of("S", "F", "U");
    /**
     * notifyType of the notifications we take: PAYMENT_RESULT, PAYMENT_PENDING (7.1), CAPTURE_RESULT (7.2),
     * REFUND_RESULT (notifyRefund, antom-refunds.md 6), and VAULTING_RESULT, which the reference does not document for
     * notifyVaulting (it has no notifyType there) but our sandbox sends; accepted as harmless.
     */
    public static final Set<String> NOTIFY_TYPES = Set.of("PAYMENT_RESULT", "PAYMENT_PENDING", "CAPTURE_RESULT",
            "REFUND_RESULT", "VAULTING_RESULT");
    /** paymentStatus (inquiryPayment's vocabulary, section 6), when a body carries it. */
    public static final Set<String> PAYMENT_STATUSES = Set.of("SUCCESS", "FAIL", "PROCESSING", "CANCELLED");

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> CARD_SECRETS = Set.of("cvv", "cvv2", "cvc", "cvc2", "cvn", "securitycode",
            "cardpassworddigest");
    private static final Set<String> CARD_NUMBER_KEYS = Set.of("cardno", "cardnumber", "pan");
    /**
     * Opaque references that are long digit or hex strings by nature (a Visa network transaction id is 15 digits, a
     * token's hex may hold a digit run): not scanned for card numbers, only their length is bounded.
     */
    private static final Set<String> OPAQUE_KEYS = Set.of("cardtoken", "networktransactionid", "paymentmethodid");
    /** A card number field is masked when it shows at most 10 digits (first 6, last 4). */
    private static final int MASKED_DIGITS_MAX = 10;

    private AntomFields() {
    }

    /** What kind of rule a value broke; the edge counts refusals by it. */
    public enum Rule {
        /** A required value is missing or blank. */
        REQUIRED,
        /** Longer than Antom's limit for the field. */
        TOO_LONG,
        /** Not one of the field's values (an enum, a country), or control characters in an id. */
        INVALID_VALUE,
        /** Not an ISO 4217 alphabetic code. */
        INVALID_CURRENCY,
        /** Not a whole number of minor units within 0..{@value #AMOUNT_MAX} (1.. where an amount must be positive). */
        INVALID_AMOUNT,
        /** Not an ISO 8601 date-time with an offset. */
        INVALID_TIME,
        /** A card number or a card security code where none may be. */
        CARD_DATA
    }

    /** A broken rule: the field's path and the rule; the message never quotes the value. */
    public record Violation(String field, Rule rule, String message) {

        static Optional<Violation> of(String field, Rule rule, String message) {
            return Optional.of(new Violation(field, rule, field + " " + message));
        }
    }

    /** An identifier: required, at most {@code max} characters, no control characters, no card number. */
    public static Optional<Violation> id(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return Violation.of(field, Rule.REQUIRED, "is required");
        }
        return text(field, value, max).or(() -> value.chars().anyMatch(Character::isISOControl)
                ? Violation.of(field, Rule.INVALID_VALUE, "must not contain control characters") : Optional.empty());
    }

    /**
     * An opaque reference (cardToken, networkTransactionId): null unless {@code required}, at most {@code max}
     * characters, no control characters; not scanned for card numbers (see {@link #isOpaque}).
     */
    public static Optional<Violation> opaque(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? Violation.of(field, Rule.REQUIRED, "is required") : Optional.empty();
        }
        if (value.length() > max) {
            return Violation.of(field, Rule.TOO_LONG, "is longer than " + max + " characters");
        }
        return value.chars().anyMatch(Character::isISOControl)
                ? Violation.of(field, Rule.INVALID_VALUE, "must not contain control characters") : Optional.empty();
    }

    /** True for the field names of opaque references (cardToken, networkTransactionId, paymentMethodId). */
    public static boolean isOpaque(String name) {
        return OPAQUE_KEYS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Optional free text: null, or at most {@code max} characters, without NUL (no text column stores it: PostgreSQL
     * refuses {@code 0x00}, and a consumer would retry the record without end), holding no card number.
     */
    public static Optional<Violation> text(String field, String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > max) {
            return Violation.of(field, Rule.TOO_LONG, "is longer than " + max + " characters");
        }
        if (value.indexOf('\u0000') >= 0) {
            return Violation.of(field, Rule.INVALID_VALUE, "must not contain NUL characters");
        }
        return noCardNumber(field, value);
    }

    /** Optional: null, or one of {@code allowed}. */
    public static Optional<Violation> oneOf(String field, String value, Set<String> allowed) {
        if (value == null || allowed.contains(value)) {
            return Optional.empty();
        }
        return Violation.of(field, Rule.INVALID_VALUE, "is not one of " + allowed.stream().sorted().toList());
    }

    /** Required: an upper-case ISO 4217 alphabetic code. */
    public static Optional<Violation> currency(String field, String value) {
        if (value == null || value.isBlank()) {
            return Violation.of(field, Rule.REQUIRED, "is required");
        }
        if (!CURRENCIES.contains(value) || !value.equals(value.toUpperCase(Locale.ROOT))) {
            return Violation.of(field, Rule.INVALID_CURRENCY, "is not an ISO 4217 currency code");
        }
        return Optional.empty();
    }

    /** An amount in minor units within 0..{@value #AMOUNT_MAX}, or 1.. when {@code positive}. */
    public static Optional<Violation> amount(String field, long value, boolean positive) {
        if (value < (positive ? 1 : 0) || value > AMOUNT_MAX) {
            return Violation.of(field, Rule.INVALID_AMOUNT, "must be a whole number of minor units from "
                    + (positive ? 1 : 0) + " to " + AMOUNT_MAX);
        }
        return Optional.empty();
    }

    /** Amount.value as Antom sends it: a string of 1-16 digits (or a JSON integer, read as its digits). */
    public static Optional<Violation> amountText(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Violation.of(field, Rule.REQUIRED, "is required");
        }
        if (value.length() > 16 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Violation.of(field, Rule.INVALID_AMOUNT, "must be a string of at most 16 digits (minor units)");
        }
        return Optional.empty();
    }

    /**
     * Optional: null, or an ISO 8601 date-time with an offset ({@code 2019-11-27T12:01:01+08:00}, {@code ...Z}) within
     * {@link #instant}'s range.
     */
    public static Optional<Violation> offsetTime(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return instant(field, AlipayTimes.parseOffset(value).toInstant());
        } catch (DateTimeParseException e) {
            return Violation.of(field, Rule.INVALID_TIME, "must be an ISO 8601 date-time with an offset");
        }
    }

    /**
     * Optional: null, or a time from 1970 to 9999 (four-digit ISO 8601 years). Found by the consumers' fuzz: a
     * timestamp-millis of year 292,278,994 decodes, and PostgreSQL refuses it, so the consumer retried without end.
     */
    public static Optional<Violation> instant(String field, Instant value) {
        if (value == null || !value.isBefore(EARLIEST) && value.isBefore(LATEST)) {
            return Optional.empty();
        }
        return Violation.of(field, Rule.INVALID_TIME, "must be a time from 1970 to 9999");
    }

    /** Optional: null, or an ISO 3166 alpha-2 code shape (two upper-case letters). */
    public static Optional<Violation> region(String field, String value) {
        if (value == null || value.length() == 2 && value.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return Optional.empty();
        }
        return Violation.of(field, Rule.INVALID_VALUE, "must be an ISO 3166 alpha-2 code");
    }

    /** No card number (a Luhn-valid 13-19 digit run, {@link SensitiveDataMasker#containsCardNumber}) in the value. */
    public static Optional<Violation> noCardNumber(String field, String value) {
        return SensitiveDataMasker.containsCardNumber(value)
                ? Violation.of(field, Rule.CARD_DATA, "holds a card number") : Optional.empty();
    }

    /**
     * Card data by field name: a card security code field (cvv, cvc, securityCode, ...) with any value, or a card
     * number field (cardNo, cardNumber, pan) showing more digits than a masked number (first 6, last 4).
     */
    public static Optional<Violation> cardDataField(String field, String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (CARD_SECRETS.contains(key)) {
            return Violation.of(field, Rule.CARD_DATA, "is a card security code");
        }
        if (CARD_NUMBER_KEYS.contains(key) && value != null
                && value.chars().filter(c -> c >= '0' && c <= '9').count() > MASKED_DIGITS_MAX) {
            return Violation.of(field, Rule.CARD_DATA, "is an unmasked card number");
        }
        return Optional.empty();
    }
}
