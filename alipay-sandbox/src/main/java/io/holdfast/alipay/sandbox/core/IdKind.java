package io.holdfast.alipay.sandbox.core;

/** The kinds of identifiers the emulator hands out. */
public enum IdKind {
    /** Antom's {@code paymentId}. */
    PAYMENT,
    /** Antom's {@code captureId}. */
    CAPTURE,
    /** The {@code captureRequestId} Antom generates for an automatic capture. */
    AUTO_CAPTURE_REQUEST,
    /** The transaction id of a CANCEL or VOID entry in inquiryPayment {@code transactions[]}. */
    TRANSACTION,
    /** Antom's {@code refundId}. */
    REFUND,
    /** A vaulted card's {@code cardToken}. */
    CARD_TOKEN,
    /** The scheme's {@code networkTransactionId} of an authorization. */
    NETWORK_TRANSACTION
}
