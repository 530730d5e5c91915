package io.holdfast.ingest.support;

/** TEST-ONLY merchant API keys; the application is configured with their SHA-256 only. */
public final class ApiKeys {

    /** Merchant {@code acme}: every scope, paymentRequestIds {@code acme-*}. */
    public static final String ACME = "test-key-acme-0b7e";
    /** Merchant {@code globex}: every scope, paymentRequestIds {@code globex-*}. */
    public static final String GLOBEX = "test-key-globex-5c21";
    /** Merchant {@code lookout}: consult only. */
    public static final String LOOKOUT = "test-key-lookout-9d44";
    /** Merchant {@code trickle}: a bucket of 2 that barely refills. */
    public static final String TRICKLE = "test-key-trickle-1a9f";
    /** Merchant {@code fuzz}: every scope, a bucket the fuzz tests never empty. */
    public static final String FUZZ = "test-key-fuzz-77c3";

    private ApiKeys() {
    }
}
