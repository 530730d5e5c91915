package io.holdfast.authorization.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payment aggregate: an immutable snapshot plus the decisions that move it. Every move goes through
 * {@link #transitionTo}, which asserts the move against {@link PaymentTransitions}; each decision returns the new
 * snapshot, the timeline entry and the events, which the caller persists atomically (outbox).
 *
 * @param paymentId Antom's paymentId, once known
 * @param authorization set once Antom reported a success
 * @param lastResult the last refusal (decline code, cancel failure code), for the read API
 * @param cancel the cancel order, once one was given
 * @param unresolvedSince when the current stretch of waiting for Antom began; null when resolved
 * @param reconciliation the reconciler's schedule while unresolved
 * @param version optimistic-lock version of the stored row
 */
public record Payment(String paymentRequestId, String merchantId, PaymentStatus status, Money amount,
        CaptureMode captureMode, DeadlinePolicy deadlinePolicy, String fingerprint, String paymentId,
        Authorization authorization, ResultInfo lastResult, CancelOrder cancel, Instant unresolvedSince,
        Reconciliation reconciliation, Instant createdAt, Instant updatedAt, long version) {

    /** Antom's authorization facts. */
    public record Authorization(Instant authorizedAt, Instant authExpiryTime, CardSummary card) {
    }

    /** An Antom result code and message (a refusal). */
    public record ResultInfo(String code, String message) {
    }

    /** Who ordered the cancel and why; {@code cancelledAt} is Antom's cancelTime once it succeeded. */
    public record CancelOrder(CancelInitiator initiator, String reason, Instant cancelledAt) {
    }

    /** The reconciler's schedule: how many checks were made since the state was entered, and when the next is due. */
    public record Reconciliation(int attempts, Instant nextCheckAt) {
    }

    /** The write-ahead attempt: AUTH_REQUESTED, with its timeline entry. Persist it before pay is sent. */
    public static Decision.Transitioned request(NewPayment request, Cause cause, Instant now) {
        Payment payment = new Payment(request.paymentRequestId(), request.merchantId(), PaymentTransitions.initial(),
                request.amount(), request.captureMode(), request.deadlinePolicy(), request.fingerprint(), null, null,
                null, null, now, null, now, now, 0);
        return new Decision.Transitioned(payment, new Transition(null, payment.status(), null, cause, now), List.of());
    }

    /** Applies what Antom said about the authorization (pay response, notification or inquiry). */
    public Decision apply(AuthorizationResult result, Cause cause, Instant now) {
        Optional<PaymentStatus> next = PaymentTransitions.next(status, result.trigger());
        if (next.isEmpty()) {
            return new Decision.Unchanged(this, status + " ignores " + result.trigger());
        }
        PaymentStatus to = next.get();
        Payment moved = withOutcome(result);
        List<DomainEvent> events = new ArrayList<>();
        switch (to) {
            case AUTHORIZED -> events.add(moved.authorizedEvent());
            case AUTH_PENDING -> actionRequired(result).ifPresent(events::add);
            case AUTH_DECLINED -> events.add(new DomainEvent.PaymentDeclined(moved.lastResult.code(),
                    moved.lastResult.message(), declineAdvice(result)));
            case CANCEL_REQUESTED -> moved = moved.withCancel(new CancelOrder(CancelInitiator.RECONCILER,
                    "authorization success reported after " + status + ": voiding it", null));
            case AUTH_REQUESTED, AUTH_UNKNOWN, CANCEL_UNKNOWN, VOIDED, CANCEL_FAILED -> {
                // no event: the outcome is not known yet, or these targets are not reachable by this kind of fact
            }
        }
        return moved.transitionTo(to, result.trigger(), cause, now, events);
    }

    /** Orders a cancel (write-ahead): the cancel is sent after this is persisted. */
    public Decision orderCancel(CancelInitiator initiator, String reason, Cause cause, Instant now) {
        if (PaymentTransitions.next(status, PaymentTrigger.CANCEL_ORDERED).isEmpty()) {
            return new Decision.Unchanged(this, status + " cannot be cancelled");
        }
        return withCancel(new CancelOrder(initiator, reason, null))
                .transitionTo(PaymentStatus.CANCEL_REQUESTED, PaymentTrigger.CANCEL_ORDERED, cause, now, List.of());
    }

    /**
     * Applies what Antom said about the cancel. A refusal of a cancel ordered before the authorization's outcome was
     * known (the reconciler giving up, a merchant cancelling a pending 3-D Secure) does not end the payment: the
     * authorization may have succeeded meanwhile (and an AUTOMATIC one been captured), so it goes back to inquiry.
     */
    public Decision apply(CancelResult result, Cause cause, Instant now) {
        boolean outcomeUnknown = result instanceof CancelResult.Refused && authorization == null;
        PaymentTrigger trigger = outcomeUnknown ? PaymentTrigger.CANCEL_REFUSED_BEFORE_OUTCOME : result.trigger();
        Optional<PaymentStatus> next = PaymentTransitions.next(status, trigger);
        if (next.isEmpty()) {
            return new Decision.Unchanged(this, status + " ignores " + trigger);
        }
        List<DomainEvent> events = new ArrayList<>();
        Payment moved = this;
        if (result instanceof CancelResult.Cancelled cancelled) {
            CancelOrder order = cancel == null ? new CancelOrder(CancelInitiator.MERCHANT, null, null) : cancel;
            moved = withCancel(new CancelOrder(order.initiator(), order.reason(), cancelled.cancelledAt()));
            events.add(new DomainEvent.AuthorizationCancelled(cancelled.cancelledAt(), order.initiator(),
                    order.reason()));
        } else if (result instanceof CancelResult.Refused refused) {
            moved = withLastResult(new ResultInfo(refused.resultCode(), refused.resultMessage()));
            // the merchant (or the guardian) who asked is told; the reconciler's own attempt is only in the timeline
            if (!outcomeUnknown || cancel == null || cancel.initiator() != CancelInitiator.RECONCILER) {
                events.add(new DomainEvent.CancelFailed(refused.resultCode(), refused.resultMessage()));
            }
        } else if (!(result instanceof CancelResult.Unknown)) {
            throw new IllegalStateException("unhandled " + result);
        }
        return moved.transitionTo(next.get(), trigger, cause, now, events);
    }

    /** True when a pay with this content would be the same request (same fingerprint). */
    public boolean sameRequestAs(String otherFingerprint) {
        return fingerprint.equals(otherFingerprint);
    }

    /** This payment with the reconciler's schedule replaced. */
    public Payment withReconciliation(Reconciliation schedule) {
        return new Payment(paymentRequestId, merchantId, status, amount, captureMode, deadlinePolicy, fingerprint,
                paymentId, authorization, lastResult, cancel, unresolvedSince, schedule, createdAt, updatedAt, version);
    }

    private Decision.Transitioned transitionTo(PaymentStatus to, PaymentTrigger trigger, Cause cause, Instant now,
            List<DomainEvent> events) {
        PaymentTransitions.check(status, trigger, to);
        Instant since = !to.isUnresolved() ? null : status.isUnresolved() && unresolvedSince != null ? unresolvedSince : now;
        Payment moved = new Payment(paymentRequestId, merchantId, to, amount, captureMode, deadlinePolicy, fingerprint,
                paymentId, authorization, lastResult, cancel, since, to.isUnresolved() ? reconciliation : null,
                createdAt, now, version);
        return new Decision.Transitioned(moved, new Transition(status, to, trigger, cause, now), events);
    }

    private Payment withOutcome(AuthorizationResult result) {
        if (result instanceof AuthorizationResult.Approved approved) {
            return withPaymentId(approved.paymentId()).withAuthorization(
                    new Authorization(approved.authorizedAt(), approved.authExpiryTime(), approved.card()));
        }
        if (result instanceof AuthorizationResult.InProcess inProcess) {
            return withPaymentId(inProcess.paymentId());
        }
        if (result instanceof AuthorizationResult.Declined declined) {
            return withPaymentId(declined.paymentId())
                    .withLastResult(new ResultInfo(declined.resultCode(), declined.resultMessage()));
        }
        if (result instanceof AuthorizationResult.NeverCreated neverCreated) {
            return withLastResult(new ResultInfo("ORDER_NOT_EXIST", neverCreated.detail()));
        }
        if (result instanceof AuthorizationResult.Unknown) {
            return this;
        }
        throw new IllegalStateException("unhandled " + result);
    }

    private static AdvisedAction declineAdvice(AuthorizationResult result) {
        if (result instanceof AuthorizationResult.Declined declined) {
            return declined.advisedAction();
        }
        // never created: nothing is held at Antom; a new attempt needs a new paymentRequestId
        return AdvisedAction.RETRY_WITH_NEW_REQUEST_ID;
    }

    private static Optional<DomainEvent> actionRequired(AuthorizationResult result) {
        if (result instanceof AuthorizationResult.InProcess inProcess && inProcess.redirectUrl() != null) {
            return Optional.of(new DomainEvent.PaymentActionRequired(inProcess.paymentId(), inProcess.redirectUrl(),
                    inProcess.schemeUrl(), inProcess.applinkUrl()));
        }
        return Optional.empty();
    }

    private DomainEvent authorizedEvent() {
        return new DomainEvent.PaymentAuthorized(paymentId, amount, captureMode, authorization.authorizedAt(),
                authorization.authExpiryTime(), deadlinePolicy, authorization.card());
    }

    private Payment withPaymentId(String id) {
        return new Payment(paymentRequestId, merchantId, status, amount, captureMode, deadlinePolicy, fingerprint,
                id == null ? paymentId : id, authorization, lastResult, cancel, unresolvedSince, reconciliation,
                createdAt, updatedAt, version);
    }

    private Payment withAuthorization(Authorization value) {
        return new Payment(paymentRequestId, merchantId, status, amount, captureMode, deadlinePolicy, fingerprint,
                paymentId, value, lastResult, cancel, unresolvedSince, reconciliation, createdAt, updatedAt, version);
    }

    private Payment withLastResult(ResultInfo value) {
        return new Payment(paymentRequestId, merchantId, status, amount, captureMode, deadlinePolicy, fingerprint,
                paymentId, authorization, value, cancel, unresolvedSince, reconciliation, createdAt, updatedAt, version);
    }

    private Payment withCancel(CancelOrder value) {
        return new Payment(paymentRequestId, merchantId, status, amount, captureMode, deadlinePolicy, fingerprint,
                paymentId, authorization, lastResult, value, unresolvedSince, reconciliation, createdAt, updatedAt,
                version);
    }
}
