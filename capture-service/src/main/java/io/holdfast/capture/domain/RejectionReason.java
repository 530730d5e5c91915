package io.holdfast.capture.domain;

/** Why a CapturePayment command was refused without calling Antom (mirrors the contract's RejectionReason). */
public enum RejectionReason {
    /** A field is invalid, e.g. captureAt not before the deadline minus the safety margin. */
    INVALID_FIELD,
    /** No authorization with that paymentRequestId is known to this service. */
    UNKNOWN_PAYMENT,
    /** A capture for this authorization is already in flight or done. */
    CONFLICTING_COMMAND,
    /** The authorization is in a state that allows no capture (cancelled, automatic, failed). */
    INVALID_STATE,
    /** The amount differs from the authorized amount. */
    AMOUNT_MISMATCH,
    /** The currency differs from the authorized currency. */
    CURRENCY_MISMATCH,
    /** The capture deadline has passed (or the authorization expired). */
    DEADLINE_PASSED,
    /** The commandId was processed before with different content; this command was not applied. */
    DUPLICATE_COMMAND_ID_CONFLICT,
    /** The command's merchantId is not the authorization's ({@link Ownership}). */
    NOT_PAYMENT_OWNER,
    /** A refund of a payment that is not captured (cancel it instead). */
    NOT_CAPTURED,
    /** A refund above the captured amount less what is refunded or pending. */
    REFUND_EXCEEDS_REFUNDABLE
}
