package io.holdfast.ingest.domain.notification;

/**
 * The Antom notifications the edge accepts, each at its own URL ({@code /alipay/notifications/<segment>}), which is
 * the URL configured as {@code paymentNotifyUrl} (pay), the capture notification URL, or
 * {@code vaultingNotificationUrl} (vaultPaymentMethod).
 */
public enum NotificationKind {
    /** notifyPayment: the card authorization's final result (PAYMENT_RESULT) or PAYMENT_PENDING. */
    PAYMENT("payment"),
    /** notifyCapture: a capture's final result (CAPTURE_RESULT). */
    CAPTURE("capture"),
    /** notifyVaulting: the result of vaultPaymentMethod after 3-D Secure. */
    VAULTING("vaulting"),
    /** notifyRefund: a refund's final result (REFUND_RESULT), antom-refunds.md 6. */
    REFUND("refund");

    private final String segment;

    NotificationKind(String segment) {
        this.segment = segment;
    }

    /** The last path segment of the kind's URL. */
    public String segment() {
        return segment;
    }

    /** The kind whose URL ends in {@code segment}; null when none does. */
    public static NotificationKind fromSegment(String segment) {
        for (NotificationKind kind : values()) {
            if (kind.segment.equals(segment)) {
                return kind;
            }
        }
        return null;
    }
}
