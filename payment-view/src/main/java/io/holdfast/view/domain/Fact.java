package io.holdfast.view.domain;

import java.time.Instant;

/**
 * What one event on payments.events says about a payment, in the view's vocabulary: its {@link Kind} and only the
 * fields the row needs (null where the kind has none). An event of a type this build does not know (a newer schema)
 * is {@link Kind#UNKNOWN}: kept in the timeline, it changes no field.
 *
 * @param kind which event
 * @param paymentId Antom's paymentId when the payload carries one
 * @param amount the payment's amount when the payload carries it
 * @param terms capture mode, deadline and policy when the payload carries them
 * @param card the masked card summary (PaymentAuthorized)
 * @param totals the refund totals after a refund event
 */
public record Fact(Kind kind, String paymentId, Money amount, Terms terms, CardSummary card, RefundTotals totals) {

    /** The event types the view knows. */
    public enum Kind {
        ACTION_REQUIRED, AUTHORIZED, DECLINED, CANCELLED, CANCEL_FAILED, CAPTURE_SCHEDULED, CAPTURE_SUCCEEDED,
        CAPTURE_FAILED, DEADLINE_APPROACHING, EXPIRED, POLICY_CHANGED, REFUND_REQUESTED, REFUND_SUCCEEDED,
        REFUND_FAILED, COMMAND_REJECTED, UNKNOWN
    }

    /** Capture mode, capture deadline and deadline policy, each null when the event does not say. */
    public record Terms(String captureMode, Instant deadline, String policy) {

        public static final Terms NONE = new Terms(null, null, null);
    }

    /** A fact with nothing but its kind. */
    public static Fact of(Kind kind) {
        return new Fact(kind, null, null, Terms.NONE, null, null);
    }

    public static Fact authorized(String paymentId, Money amount, Terms terms, CardSummary card) {
        return new Fact(Kind.AUTHORIZED, paymentId, amount, terms, card, null);
    }

    public static Fact withAmount(Kind kind, String paymentId, Money amount, Instant deadline) {
        return new Fact(kind, paymentId, amount, new Terms(null, deadline, null), null, null);
    }

    public static Fact deadline(Kind kind, String paymentId, Instant deadline, String policy) {
        return new Fact(kind, paymentId, null, new Terms(null, deadline, policy), null, null);
    }

    public static Fact refund(Kind kind, String paymentId, RefundTotals totals) {
        return new Fact(kind, paymentId, null, Terms.NONE, null, totals);
    }
}
