package io.holdfast.ingest.domain.merchant;

/** What a merchant's API key may do; configured per merchant (all scopes when none are listed). */
public enum Scope {
    /** {@code POST /v1/payments/{id}/authorize}. */
    PAYMENTS_AUTHORIZE("payments:authorize"),
    /** {@code POST /v1/payments/{id}/cancel}. */
    PAYMENTS_CANCEL("payments:cancel"),
    /** {@code POST /v1/payments/{id}/capture}. */
    PAYMENTS_CAPTURE("payments:capture"),
    /** {@code GET /v1/payments/{id}} and {@code GET /v1/payments} (the payment-view read model). */
    PAYMENTS_READ("payments:read"),
    /** {@code POST /v1/payments/{id}/refunds}. */
    PAYMENTS_REFUND("payments:refund"),
    /** {@code POST /v1/payment-methods/consult}. */
    PAYMENT_METHODS_CONSULT("payment-methods:consult");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The name used in configuration and error answers, e.g. {@code payments:capture}. */
    public String value() {
        return value;
    }

    public static Scope fromValue(String value) {
        for (Scope scope : values()) {
            if (scope.value.equalsIgnoreCase(value) || scope.name().equalsIgnoreCase(value)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + value + "'");
    }
}
