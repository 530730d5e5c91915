package io.holdfast.view.domain;

/** The merchant-visible status of a payment, derived only from payments.events (transitions: {@link ViewTransitions}). */
public enum ViewStatus {
    /** Events are known for the payment but none that decides a status yet (a rejection, an unknown event type). */
    PENDING,
    /** action: the buyer completes 3-D Secure. transition: AUTHORIZED, DECLINED, CANCELLED. */
    REQUIRES_ACTION,
    /** action: capture (merchant, operator or the deadline guardian), cancel. */
    AUTHORIZED,
    /** A capture is scheduled for later (a merchant's captureAt). */
    CAPTURE_SCHEDULED,
    /** The authorized amount is captured. transition: PARTIALLY_REFUNDED, REFUNDED. */
    CAPTURED,
    /** A capture attempt failed; the authorization may still be captured (or a correcting CaptureSucceeded). */
    CAPTURE_FAILED,
    /** Terminal: declined by Antom. */
    DECLINED,
    /** Terminal: the authorization was voided. */
    CANCELLED,
    /** Terminal: nobody captured before the deadline and the policy let it lapse. */
    EXPIRED,
    /** Part of the captured amount was refunded. */
    PARTIALLY_REFUNDED,
    /** Terminal: the captured amount was refunded in full. */
    REFUNDED;

    /** Open manual authorizations: the ones the deadline board shows. */
    public boolean atRisk() {
        return switch (this) {
            case AUTHORIZED, CAPTURE_SCHEDULED, CAPTURE_FAILED -> true;
            case PENDING, REQUIRES_ACTION, CAPTURED, DECLINED, CANCELLED, EXPIRED, PARTIALLY_REFUNDED, REFUNDED -> false;
        };
    }
}
