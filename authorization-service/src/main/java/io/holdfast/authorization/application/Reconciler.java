package io.holdfast.authorization.application;

import io.holdfast.authorization.domain.AuthorizationResult;
import io.holdfast.authorization.domain.CancelInitiator;
import io.holdfast.authorization.domain.Cause;
import io.holdfast.authorization.domain.Payment;
import io.holdfast.authorization.domain.ReconcilePolicy;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Resolves what Antom has not told us yet. For each due payment: an unresolved authorization is inquired by its
 * paymentRequestId (never paid again) and, when the inquiry still leaves it unresolved after it stayed so too long,
 * cancelled; a recorded or unknown cancel is sent again with the same parameters. Every action is logged; state changes emit their events.
 */
public final class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final PaymentWorkflow workflow;
    private final int batchSize;

    public Reconciler(PaymentWorkflow workflow, int batchSize) {
        this.workflow = workflow;
        this.batchSize = batchSize;
    }

    /** One pass over the due payments; returns how many were looked at. */
    public Mono<Long> runOnce() {
        return Mono.defer(() -> pass(workflow.clock().instant()));
    }

    private Mono<Long> pass(Instant now) {
        return workflow.store().dueForReconciliation(now, batchSize)
                .concatMap(payment -> claim(payment, now).flatMap(claimed -> reconcile(payment, now))
                        .onErrorResume(error -> {
                            // one payment's infrastructure failure must not stop the others; it stays due
                            log.error("reconciling payment {} failed; will retry", payment.paymentRequestId(), error);
                            return Mono.empty();
                        }))
                .count();
    }

    /** Pushes the next check back first, so a crash or a second replica does not hammer Antom. */
    private Mono<Payment> claim(Payment payment, Instant now) {
        ReconcilePolicy policy = workflow.policy();
        return workflow.unitOfWork().inTransaction(() ->
                workflow.store().updateSchedule(policy.scheduleAfterCheck(payment, now)));
    }

    private Mono<Payment> reconcile(Payment payment, Instant now) {
        String id = payment.paymentRequestId();
        return switch (payment.status()) {
            // always ask Antom first: a buyer may have completed 3-D Secure, or a pay may have been applied, whose
            // notification never came; only what the inquiry leaves unresolved is given up (cancelled)
            case AUTH_REQUESTED, AUTH_PENDING, AUTH_UNKNOWN -> inquire(payment, now)
                    .flatMap(fresh -> workflow.policy().shouldGiveUp(fresh, now) ? giveUp(fresh, now) : Mono.just(fresh));
            case CANCEL_REQUESTED, CANCEL_UNKNOWN -> {
                log.info("reconciler: sending cancel of payment {} again ({}), same parameters", id, payment.status());
                yield workflow.sendCancel(payment);
            }
            case AUTHORIZED, AUTH_DECLINED, VOIDED, CANCEL_FAILED -> Mono.just(payment);
        };
    }

    private Mono<Payment> giveUp(Payment payment, Instant now) {
        Duration unresolvedFor = Duration.between(payment.unresolvedSince(), now);
        String reason = "outcome unresolved for " + unresolvedFor + " (" + payment.status()
                + "); cancelling rather than leaving funds in limbo";
        log.warn("reconciler: payment {}: {}", payment.paymentRequestId(), reason);
        Cause cause = new Cause(Cause.Kind.RECONCILER, payment.paymentRequestId(), reason);
        return workflow.decide(payment.paymentRequestId(),
                        fresh -> fresh.orderCancel(CancelInitiator.RECONCILER, reason, cause, now))
                .flatMap(workflow::followUp);
    }

    private Mono<Payment> inquire(Payment payment, Instant now) {
        String id = payment.paymentRequestId();
        return workflow.antom().inquire(id).flatMap(answer -> {
            AuthorizationResult result = interpret(payment, answer, now);
            log.info("reconciler: inquiry of payment {} ({}) answered {} -> {}", id, payment.status(), answer, result);
            Cause cause = new Cause(Cause.Kind.INQUIRY, id, "inquiryPayment: " + answer);
            return workflow.decide(id, fresh -> fresh.apply(result, cause, workflow.clock().instant()))
                    .flatMap(workflow::followUp);
        });
    }

    /**
     * ORDER_NOT_EXIST is trusted only once the pay request can no longer arrive at Antom (see
     * {@link ReconcilePolicy#neverCreatedAfter()}); before that it is just "no answer yet".
     */
    private AuthorizationResult interpret(Payment payment, InquiryResult answer, Instant now) {
        if (answer instanceof InquiryResult.Answered answered) {
            return answered.result();
        }
        if (answer instanceof InquiryResult.NotFound) {
            return workflow.policy().requestCanNoLongerArrive(payment, now)
                    ? new AuthorizationResult.NeverCreated("inquiryPayment: ORDER_NOT_EXIST "
                            + Duration.between(payment.createdAt(), now) + " after the request")
                    : new AuthorizationResult.Unknown("inquiryPayment: ORDER_NOT_EXIST, request may still arrive");
        }
        if (answer instanceof InquiryResult.Unresolved unresolved) {
            return new AuthorizationResult.Unknown("inquiryPayment: " + unresolved.reason());
        }
        throw new IllegalStateException("unhandled " + answer);
    }

}
