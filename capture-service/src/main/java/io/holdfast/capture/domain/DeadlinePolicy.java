package io.holdfast.capture.domain;

/** What the deadline guardian does at {@code deadline - safetyMargin} with a MANUAL authorization nobody captured. */
public enum DeadlinePolicy {
    /** Capture the full authorized amount. */
    CAPTURE,
    /** Ask authorization-service (the single owner of cancel calls) to cancel the authorization. */
    VOID,
    /** Do nothing; at the deadline report AuthorizationExpired (Antom releases the funds). */
    EXPIRE
}
