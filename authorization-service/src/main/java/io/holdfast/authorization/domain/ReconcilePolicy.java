package io.holdfast.authorization.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When the reconciler looks at an unresolved payment, and when it stops waiting.
 *
 * @param backoff the delays between checks (e.g. 5s, 15s, 1m, 5m, 30m, 2h); the last one repeats
 * @param inFlightGrace how long a *_REQUESTED row is left alone after it was written: the call is still in flight
 * @param giveUpAfter how long an authorization may stay unresolved before the reconciler cancels it
 * @param neverCreatedAfter how long after the pay request ORDER_NOT_EXIST is read as "never created": by then the
 *     HTTP exchange is long over (the client timeout is far shorter), so the request can no longer reach Antom
 */
public record ReconcilePolicy(List<Duration> backoff, Duration inFlightGrace, Duration giveUpAfter,
        Duration neverCreatedAfter) {

    public ReconcilePolicy {
        backoff = List.copyOf(backoff);
        if (backoff.isEmpty()) {
            throw new IllegalArgumentException("backoff must not be empty");
        }
        Objects.requireNonNull(inFlightGrace, "inFlightGrace");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        Objects.requireNonNull(neverCreatedAfter, "neverCreatedAfter");
    }

    /** The payment with a fresh schedule after a transition: first check soon, or none once resolved. */
    public Payment scheduleAfterTransition(Payment payment, Instant now) {
        if (!payment.status().isUnresolved()) {
            return payment.withReconciliation(null);
        }
        Duration first = switch (payment.status()) {
            case AUTH_REQUESTED, CANCEL_REQUESTED -> inFlightGrace;
            case AUTH_PENDING, AUTH_UNKNOWN, CANCEL_UNKNOWN -> backoff.get(0);
            case AUTHORIZED, AUTH_DECLINED, VOIDED, CANCEL_FAILED -> throw new IllegalStateException("resolved");
        };
        return payment.withReconciliation(new Payment.Reconciliation(0, now.plus(first)));
    }

    /** The payment with its next check pushed back after a check that settled nothing. */
    public Payment scheduleAfterCheck(Payment payment, Instant now) {
        int attempts = payment.reconciliation() == null ? 1 : payment.reconciliation().attempts() + 1;
        Duration delay = backoff.get(Math.min(attempts, backoff.size() - 1));
        return payment.withReconciliation(new Payment.Reconciliation(attempts, now.plus(delay)));
    }

    /** True when the authorization has been unresolved too long: cancel it rather than leave money in limbo. */
    public boolean shouldGiveUp(Payment payment, Instant now) {
        boolean authorizationPending = switch (payment.status()) {
            case AUTH_REQUESTED, AUTH_PENDING, AUTH_UNKNOWN -> true;
            case AUTHORIZED, AUTH_DECLINED, CANCEL_REQUESTED, CANCEL_UNKNOWN, VOIDED, CANCEL_FAILED -> false;
        };
        return authorizationPending && payment.unresolvedSince() != null
                && !payment.unresolvedSince().plus(giveUpAfter).isAfter(now);
    }

    /** True when ORDER_NOT_EXIST can be trusted: the pay request was sent long enough ago. */
    public boolean requestCanNoLongerArrive(Payment payment, Instant now) {
        return !payment.createdAt().plus(neverCreatedAfter).isAfter(now);
    }
}
