package io.holdfast.authorization.domain;

/** Who ordered a cancel. */
public enum CancelInitiator {
    /** The merchant's CancelPayment command. */
    MERCHANT,
    /** The capture-service's VOID policy (a CancelPayment with commandId {@code void-<paymentRequestId>}). */
    DEADLINE_GUARDIAN,
    /** The reconciler: it gave up on an unknown outcome, or voids a success that arrived after a decline/cancel. */
    RECONCILER
}
