package io.holdfast.chaos;

/** What a merchant does with one payment in the chaos workload, and the outcome a merchant must end up seeing. */
public enum Flow {
    /** AUTOMATIC capture over Kafka: Antom captures right after authorization. */
    AUTOMATIC(Outcome.CAPTURED, 20),
    /** MANUAL over Kafka; the merchant sends CapturePayment the moment PaymentAuthorized arrives. */
    MANUAL_CAPTURE(Outcome.CAPTURED, 18),
    /** MANUAL, left to the deadline guardian with policy CAPTURE. */
    POLICY_CAPTURE(Outcome.CAPTURED, 9),
    /** MANUAL, left to the deadline guardian with policy VOID. */
    POLICY_VOID(Outcome.CANCELLED, 7),
    /** MANUAL, left to the deadline guardian with policy EXPIRE. */
    POLICY_EXPIRE(Outcome.EXPIRED, 6),
    /** MANUAL; the merchant cancels once authorized. */
    CANCEL(Outcome.CANCELLED, 10),
    /** AUTOMATIC with 3-D Secure: the buyer passes the challenge. */
    THREE_DS(Outcome.CAPTURED, 7),
    /** The issuer declines (DO_NOT_HONOR). */
    DECLINE(Outcome.DECLINED, 8),
    /** MANUAL over the edge's HTTP API with the raw card (vaulted inside the request), then capture over HTTP. */
    HTTP_MANUAL_CAPTURE(Outcome.CAPTURED, 15),
    /**
     * MANUAL over Kafka, captured by command; once captured the merchant refunds it in two parts (40 %, then the
     * rest), each RefundPayment perhaps published twice. The audit checks that refunded never exceeds captured.
     */
    REFUND(Outcome.CAPTURED, 8),
    /** After each fault: an AUTOMATIC payment timed from the fault's end to its capture (not part of the mix). */
    PROBE(Outcome.CAPTURED, 0);

    /** The merchant-visible end state of a payment. */
    public enum Outcome { CAPTURED, CANCELLED, EXPIRED, DECLINED }

    private final Outcome expected;
    private final int weight;

    Flow(Outcome expected, int weight) {
        this.expected = expected;
        this.weight = weight;
    }

    public Outcome expected() {
        return expected;
    }

    int weight() {
        return weight;
    }

    /** Left open by the merchant until the deadline guardian acts (the clock must move past the deadline). */
    boolean waitsForDeadline() {
        return switch (this) {
            case POLICY_CAPTURE, POLICY_VOID, POLICY_EXPIRE -> true;
            case AUTOMATIC, MANUAL_CAPTURE, CANCEL, THREE_DS, DECLINE, HTTP_MANUAL_CAPTURE, REFUND, PROBE -> false;
        };
    }
}
