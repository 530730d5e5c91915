package io.holdfast.authorization.domain;

/** What Antom's documentation advises after a decline code (mirrors the contract's AdvisedAction). */
public enum AdvisedAction {
    NONE,
    RETRY_SAME_REQUEST,
    RETRY_WITH_NEW_REQUEST_ID,
    TRY_ANOTHER_PAYMENT_METHOD,
    FIX_REQUEST,
    DO_NOT_RETRY,
    CONTACT_SUPPORT,
    UNSPECIFIED
}
