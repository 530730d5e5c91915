package io.holdfast.ingest.domain.command;

import io.holdfast.ingest.domain.FieldViolation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with one request, field by field, with Antom's limits (reference section 9). Each check
 * returns the value when it is acceptable (or null), so a request is checked in one pass and every violation is
 * reported at once. Messages never echo card data.
 */
public final class Violations {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_\\-.:]{1,64}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** Antom's Amount.value is String(16) (reference 9); the consumers refuse more (messaging's RecordRules). */
    private static final long MAX_MINOR_UNITS = 9_999_999_999_999_999L;

    private final List<FieldViolation> found = new ArrayList<>();

    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void add(String field, String reason) {
        found.add(new FieldViolation(field, reason));
    }

    public String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optionalText(field, value, maxLength);
    }

    public String optionalText(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    public String requestId(String field, String value) {
        if (value == null || !REQUEST_ID.matcher(value).matches()) {
            add(field, "must be 1 to 64 characters of letters, digits, '_', '-', '.' or ':'");
            return null;
        }
        return value;
    }

    public String currency(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        try {
            if (!value.equals(value.toUpperCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException();
            }
            Currency.getInstance(value);
            return value;
        } catch (IllegalArgumentException e) {
            add(field, "must be an upper-case ISO 4217 currency code");
            return null;
        }
    }

    public Long positive(String field, Long value) {
        if (value == null) {
            add(field, "is required");
            return null;
        }
        if (value <= 0) {
            add(field, "must be a positive number of minor units");
            return null;
        }
        if (value > MAX_MINOR_UNITS) {
            add(field, "must be at most 16 digits of minor units");
            return null;
        }
        return value;
    }

    public String region(String field, String value) {
        if (value != null && !REGION.matcher(value).matches()) {
            add(field, "must be an ISO 3166 alpha-2 code such as SG");
            return null;
        }
        return value;
    }

    public String url(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        try {
            URI uri = new URI(value);
            if (value.length() > 2048 || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http(s) URL");
            }
            return value;
        } catch (URISyntaxException e) {
            add(field, "must be an absolute http(s) URL of at most 2048 characters");
            return null;
        }
    }

    /** A card number: 12 to 19 digits passing the Luhn check. The value is never put in a message. */
    public String cardNumber(String field, String value) {
        if (value == null || !DIGITS.matcher(value).matches() || value.length() < 12 || value.length() > 19
                || !luhn(value)) {
            add(field, "must be a card number of 12 to 19 digits with a valid check digit");
            return null;
        }
        return value;
    }

    /** A fixed-shape digit string (CVV, expiry month or year); the value is never put in a message. */
    public String digits(String field, String value, int minLength, int maxLength) {
        if (value == null || !DIGITS.matcher(value).matches() || value.length() < minLength
                || value.length() > maxLength) {
            add(field, "must be " + (minLength == maxLength ? minLength : minLength + " to " + maxLength) + " digits");
            return null;
        }
        return value;
    }

    public <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            add(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
