package io.holdfast.alipay.sandbox.core;

/** What a ledger entry records: an API call the sandbox answered, or something the sandbox did on its own. */
public enum LedgerOperation {
    CONSULT,
    PAY,
    CANCEL,
    CAPTURE,
    INQUIRY_PAYMENT,
    VAULT_PAYMENT_METHOD,
    REFUND,
    INQUIRY_REFUND,
    /** A refund answered REFUND_IN_PROCESS became final (SUCCESS or FAIL), after the delay or on a control call. */
    REFUND_COMPLETED,
    /** Antom captured an AUTOMATIC-capture payment right after authorization. */
    AUTO_CAPTURE,
    /** A capture answered CAPTURE_IN_PROCESS finished (after the completion delay or on a control call). */
    CAPTURE_COMPLETED,
    /** The buyer passed the 3DS challenge; the authorization was decided. */
    THREE_DS_COMPLETED,
    /** The buyer failed the 3DS challenge. */
    THREE_DS_FAILED,
    /** An authorization reached authExpiryTime uncaptured; the funds were released (VOID). */
    AUTHORIZATION_EXPIRED,
    /** A payment waiting for the buyer (3DS) passed its payment expiry and was closed. */
    PAYMENT_CLOSED
}
