package io.holdfast.capture.domain;

/** What Antom's documentation advises after a refund failed, in the contract's vocabulary (AdvisedAction). */
public enum RefundAdvice {
    NONE,
    RETRY_SAME_REQUEST,
    RETRY_WITH_NEW_REQUEST_ID,
    FIX_REQUEST,
    DO_NOT_RETRY,
    CONTACT_SUPPORT,
    UNSPECIFIED
}
