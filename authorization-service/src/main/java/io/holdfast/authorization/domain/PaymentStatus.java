package io.holdfast.authorization.domain;

/**
 * The states of a payment as the authorization-service owns it. What may follow each state is the single table in
 * {@link PaymentTransitions}; the diagram in {@code docs/payment-states.md} is generated from it.
 */
public enum PaymentStatus {

    /**
     * The attempt is recorded (write-ahead) and pay is about to be sent, or may have been sent. A row that stays here
     * means the service died between the call and the commit: the reconciler inquires, it never re-decides blindly.
     * transition: the pay outcome, an inquiry result, a notification, or a cancel.
     */
    AUTH_REQUESTED(false),

    /**
     * Antom answered PAYMENT_IN_PROCESS with a redirect: the buyer must pass 3-D Secure. action: wait for
     * notifyPayment, inquire on the reconciler's cadence. transition: AUTHORIZED, AUTH_DECLINED, or a cancel.
     */
    AUTH_PENDING(false),

    /**
     * Antom authorized the card. transition: a cancel (merchant, deadline guardian) only.
     */
    AUTHORIZED(false),

    /**
     * Antom refused the authorization, or the request provably never created a payment. A success that arrives
     * later anyway is voided (transition: CANCEL_REQUESTED).
     */
    AUTH_DECLINED(true),

    /**
     * The outcome of pay is not known (U, timeout, 5xx, unverifiable response): never a decline. action: the
     * reconciler inquires with the same paymentRequestId, and cancels after the configured limit.
     */
    AUTH_UNKNOWN(false),

    /**
     * A cancel is recorded (write-ahead) and about to be sent, or may have been sent. action: the reconciler
     * resends it with the same parameters if it stays here.
     */
    CANCEL_REQUESTED(false),

    /**
     * The cancel's outcome is not known (U or no answer). action: the reconciler resends it with the same
     * parameters (Antom never cancels twice).
     */
    CANCEL_UNKNOWN(false),

    /**
     * The authorization is void (Antom cancel succeeded). Stays so: a late success is voided again (Antom: "keep it
     * CANCELLED").
     */
    VOIDED(true),

    /**
     * Antom refused the cancel (CANCEL_WINDOW_EXCEED, ORDER_STATUS_INVALID = already captured, ...); the merchant
     * must refund instead. Final.
     */
    CANCEL_FAILED(true);

    private final boolean terminal;

    PaymentStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** True when nothing but an anomaly (a late success) can move the payment any more. */
    public boolean isTerminal() {
        return terminal;
    }

    /** True when Antom's answer is still owed to us: the reconciler watches these states. */
    public boolean isUnresolved() {
        return switch (this) {
            case AUTH_REQUESTED, AUTH_PENDING, AUTH_UNKNOWN, CANCEL_REQUESTED, CANCEL_UNKNOWN -> true;
            case AUTHORIZED, AUTH_DECLINED, VOIDED, CANCEL_FAILED -> false;
        };
    }
}
