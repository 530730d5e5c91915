package io.holdfast.alipay.sandbox.core;

import java.util.Optional;

/** The Antom APIs the sandbox serves, by their path under {@code /ams/api/v1/} (or {@code /ams/sandbox/api/v1/}). */
public enum Api {
    CONSULT("payments/consult"),
    PAY("payments/pay"),
    CANCEL("payments/cancel"),
    CAPTURE("payments/capture"),
    INQUIRY_PAYMENT("payments/inquiryPayment"),
    REFUND("payments/refund"),
    INQUIRY_REFUND("payments/inquiryRefund"),
    VAULT_PAYMENT_METHOD("vaults/vaultPaymentMethod");

    public static final String PRODUCTION_PREFIX = "/ams/api/v1/";
    public static final String SANDBOX_PREFIX = "/ams/sandbox/api/v1/";

    private final String path;

    Api(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The API a request path (without query) addresses, under either prefix. */
    public static Optional<Api> forPath(String requestPath) {
        String rest;
        if (requestPath.startsWith(PRODUCTION_PREFIX)) {
            rest = requestPath.substring(PRODUCTION_PREFIX.length());
        } else if (requestPath.startsWith(SANDBOX_PREFIX)) {
            rest = requestPath.substring(SANDBOX_PREFIX.length());
        } else {
            return Optional.empty();
        }
        for (Api api : values()) {
            if (api.path.equals(rest)) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    /** Lenient name parsing for the control API: {@code pay}, {@code PAY}, {@code inquiryPayment}, ... */
    public static Api parse(String name) {
        String normalized = name.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
        for (Api api : values()) {
            String simple = api.path.substring(api.path.indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            if (simple.equals(normalized) || api.name().replace("_", "").toLowerCase(java.util.Locale.ROOT)
                    .equals(normalized)) {
                return api;
            }
        }
        throw new IllegalArgumentException("unknown api " + name);
    }
}
