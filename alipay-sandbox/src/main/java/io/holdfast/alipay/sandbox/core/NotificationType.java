package io.holdfast.alipay.sandbox.core;

/** The notifications the sandbox sends, by Antom's {@code notifyType}. */
public enum NotificationType {
    /** notifyPayment: final authorization result. */
    PAYMENT_RESULT,
    /** notifyCapture: final capture result. */
    CAPTURE_RESULT,
    /** notifyRefund: final refund result (SUCCESS or FAIL). */
    REFUND_RESULT,
    /** notifyVaulting: vaulting result. */
    VAULTING_RESULT
}
