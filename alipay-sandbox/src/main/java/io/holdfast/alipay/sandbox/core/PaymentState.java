package io.holdfast.alipay.sandbox.core;

/**
 * Lifecycle of a sandbox payment (reference section 12).
 *
 * <pre>
 * PROCESSING --3DS passed--> AUTHORIZED | CAPTURED (automatic) | FAILED (issuer decline after 3DS)
 * PROCESSING --3DS failed / payment expiry--> FAILED
 * PROCESSING --cancel--> CANCELLED
 * AUTHORIZED --capture--> CAPTURED
 * AUTHORIZED --capture answered CAPTURE_IN_PROCESS--> CAPTURING --completion (delay or control call)--> CAPTURED
 * AUTHORIZED --cancel within 7 days--> CANCELLED
 * AUTHORIZED --authExpiryTime passes--> EXPIRED (funds released, VOID transaction)
 * </pre>
 */
public enum PaymentState {
    /** Waiting for the buyer's 3DS challenge; inquiry paymentStatus PROCESSING. */
    PROCESSING,
    /** Authorized, not captured; inquiry paymentStatus SUCCESS. */
    AUTHORIZED,
    /**
     * Authorized, a capture was accepted asynchronously (U/CAPTURE_IN_PROCESS) and is not finished; inquiry
     * paymentStatus SUCCESS with a PROCESSING CAPTURE transaction.
     */
    CAPTURING,
    /** Authorized and captured (terminal here); inquiry paymentStatus SUCCESS. */
    CAPTURED,
    /** Declined or abandoned (terminal); inquiry paymentStatus FAIL. */
    FAILED,
    /** Cancelled by the merchant (terminal); inquiry paymentStatus CANCELLED. */
    CANCELLED,
    /** Authorization expired uncaptured, funds released (terminal); inquiry paymentStatus CANCELLED. */
    EXPIRED
}
