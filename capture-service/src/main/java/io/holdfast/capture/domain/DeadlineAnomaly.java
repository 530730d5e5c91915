package io.holdfast.capture.domain;

/** Why a PaymentAuthorized's authExpiryTime could not be taken as the deadline as it stands (logged and counted). */
public enum DeadlineAnomaly {
    /** Antom gave no authExpiryTime: the deadline is authorizedAt + the fallback. */
    MISSING_AUTH_EXPIRY_TIME,
    /** authExpiryTime is not after authorizedAt (unusable): the deadline is authorizedAt + the fallback. */
    AUTH_EXPIRY_TIME_NOT_AFTER_AUTHORIZATION,
    /** authExpiryTime is later than authorizedAt + the fallback: the earlier reading, the fallback, is the deadline. */
    AUTH_EXPIRY_TIME_BEYOND_FALLBACK
}
