package io.holdfast.authorization.domain;

/** Why a command was refused without calling Antom (mirrors the contract's RejectionReason). */
public enum RejectionReason {
    INVALID_FIELD,
    UNKNOWN_PAYMENT,
    CONFLICTING_COMMAND,
    INVALID_STATE,
    UNREADABLE,
    /** The commandId was processed before with different content; this command was not applied. */
    DUPLICATE_COMMAND_ID_CONFLICT,
    /** The command's merchantId is not the stored payment's ({@link Ownership}). */
    NOT_PAYMENT_OWNER
}
