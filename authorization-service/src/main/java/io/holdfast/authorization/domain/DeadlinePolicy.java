package io.holdfast.authorization.domain;

/** What the capture-service's deadline guardian does with an uncaptured MANUAL authorization; copied, not used here. */
public enum DeadlinePolicy {
    CAPTURE,
    VOID,
    EXPIRE
}
