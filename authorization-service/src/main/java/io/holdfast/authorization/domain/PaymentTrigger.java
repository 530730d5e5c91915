package io.holdfast.authorization.domain;

/** What can happen to a payment: an outcome learned from Antom (by response, notification or inquiry) or an order. */
public enum PaymentTrigger {
    /** Antom authorized the card (pay S, notifyPayment S, inquiry SUCCESS). */
    AUTHORIZATION_SUCCEEDED("authorization succeeded"),
    /** Antom is waiting for the buyer (PAYMENT_IN_PROCESS with a 3DS redirect, inquiry PROCESSING). */
    AUTHORIZATION_IN_PROCESS("in process (3DS)"),
    /** Antom refused the authorization (pay F, notifyPayment F, inquiry FAIL or CANCELLED). */
    AUTHORIZATION_FAILED("authorization failed"),
    /** Inquiry answered ORDER_NOT_EXIST long after the request could still arrive: it never created a payment. */
    AUTHORIZATION_NEVER_CREATED("never created (ORDER_NOT_EXIST)"),
    /** Pay ended without a verdict (U, timeout, 5xx, unverifiable response, not sent). */
    AUTHORIZATION_OUTCOME_UNKNOWN("outcome unknown"),
    /** Someone ordered a cancel: the merchant, the deadline guardian, or the reconciler giving up. */
    CANCEL_ORDERED("cancel ordered"),
    /** Antom cancelled (voided) the payment. */
    CANCEL_SUCCEEDED("cancel succeeded"),
    /** Antom refused the cancel with a final F. */
    CANCEL_REFUSED("cancel refused"),
    /**
     * Antom refused the cancel of an authorization whose outcome Holdfast never learned (no success, no decline):
     * the refusal says the authorization went somewhere (ORDER_STATUS_INVALID: captured; ORDER_NOT_EXIST: never
     * created), so the outcome is asked again, never assumed.
     */
    CANCEL_REFUSED_BEFORE_OUTCOME("cancel refused, outcome unknown"),
    /** Cancel ended without a verdict (U or no answer). */
    CANCEL_OUTCOME_UNKNOWN("cancel outcome unknown");

    private final String label;

    PaymentTrigger(String label) {
        this.label = label;
    }

    /** A short human label, used in the generated diagram. */
    public String label() {
        return label;
    }
}
