package io.holdfast.alipay.sandbox.core;

import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Strict, path-aware reading of an Antom request body the way Antom validates it: scalar fields must be JSON
 * strings (amount values included), booleans may be JSON booleans or the strings {@code "true"}/{@code "false"},
 * and lengths follow reference section 9. Every violation raises {@link ParamIllegalException} naming the field.
 */
public final class RequestReader {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,16}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final JsonNode node;
    private final String path;

    private RequestReader(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static RequestReader of(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new ParamIllegalException("the request body must be a JSON object");
        }
        return new RequestReader(root, "");
    }

    public JsonNode node() {
        return node;
    }

    public RequestReader object(String field) {
        return optionalObject(field).orElseThrow(() -> missing(field));
    }

    public Optional<RequestReader> optionalObject(String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isObject()) {
            throw new ParamIllegalException(name(field) + " must be a JSON object");
        }
        return Optional.of(new RequestReader(child, name(field) + "."));
    }

    public String text(String field, int maxLength) {
        String value = optionalText(field, maxLength);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** The string value, or null when absent; blank counts as absent. */
    public String optionalText(String field, int maxLength) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isString()) {
            throw new ParamIllegalException(name(field) + " must be a string");
        }
        String value = child.stringValue();
        if (value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new ParamIllegalException(name(field) + " exceeds the maximum length of " + maxLength);
        }
        return value;
    }

    /** One of {@code allowed}, or null when absent. */
    public String optionalEnum(String field, String... allowed) {
        String value = optionalText(field, 64);
        if (value == null) {
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw new ParamIllegalException(name(field) + " must be one of " + String.join(", ", allowed));
    }

    /** A JSON boolean or the string "true"/"false"; false when absent. */
    public boolean flag(String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return false;
        }
        if (child.isBoolean()) {
            return child.booleanValue();
        }
        if (child.isString() && ("true".equals(child.stringValue()) || "false".equals(child.stringValue()))) {
            return Boolean.parseBoolean(child.stringValue());
        }
        throw new ParamIllegalException(name(field) + " must be true or false");
    }

    public Amount amount(String field) {
        RequestReader amount = object(field);
        String currency = amount.text("currency", 3);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new ParamIllegalException(amount.name("currency") + " must be an ISO 4217 code");
        }
        String value = amount.text("value", 16);
        if (!DIGITS.matcher(value).matches()) {
            throw new ParamIllegalException(amount.name("value") + " must be a string of digits (minor units)");
        }
        long parsed = Long.parseLong(value);
        if (parsed <= 0) {
            throw new ParamIllegalException(amount.name("value") + " must be positive");
        }
        return new Amount(currency, parsed);
    }

    public String name(String field) {
        return path + field;
    }

    private ParamIllegalException missing(String field) {
        return new ParamIllegalException(name(field) + " is required");
    }
}
