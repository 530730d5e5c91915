package io.holdfast.authorization.adapter.web;

import io.holdfast.authorization.application.PaymentQueries;
import io.holdfast.authorization.domain.CardSummary;
import io.holdfast.authorization.domain.Money;
import io.holdfast.authorization.domain.Payment;
import io.holdfast.authorization.domain.Transition;
import java.time.Instant;
import java.util.List;

/** The JSON shape of the operational read {@code GET /actuator/payments/{paymentRequestId}}: state and timeline. */
public record PaymentResource(String paymentRequestId, String merchantId, String status, String paymentId,
        Money amount, String captureMode, String deadlinePolicy, Instant authorizedAt, Instant authExpiryTime,
        CardSummary card, String resultCode, String resultMessage, String cancelInitiator, String cancelReason,
        Instant cancelledAt, Instant unresolvedSince, Instant nextCheckAt, Instant createdAt, Instant updatedAt,
        List<Step> timeline) {

    /** One transition: from, to, what triggered it, why, and when. */
    public record Step(String from, String to, String trigger, String causeKind, String causationId, String detail,
            Instant at) {

        static Step of(Transition transition) {
            return new Step(transition.from() == null ? null : transition.from().name(), transition.to().name(),
                    transition.trigger() == null ? "AUTHORIZE_REQUESTED" : transition.trigger().name(),
                    transition.cause().kind().name(), transition.cause().causationId(), transition.cause().detail(),
                    transition.at());
        }
    }

    static PaymentResource of(PaymentQueries.PaymentView view) {
        Payment p = view.payment();
        Payment.Authorization auth = p.authorization();
        Payment.CancelOrder cancel = p.cancel();
        return new PaymentResource(p.paymentRequestId(), p.merchantId(), p.status().name(), p.paymentId(), p.amount(),
                p.captureMode().name(), p.deadlinePolicy() == null ? null : p.deadlinePolicy().name(),
                auth == null ? null : auth.authorizedAt(), auth == null ? null : auth.authExpiryTime(),
                auth == null ? null : auth.card(), p.lastResult() == null ? null : p.lastResult().code(),
                p.lastResult() == null ? null : p.lastResult().message(),
                cancel == null ? null : cancel.initiator().name(), cancel == null ? null : cancel.reason(),
                cancel == null ? null : cancel.cancelledAt(), p.unresolvedSince(),
                p.reconciliation() == null ? null : p.reconciliation().nextCheckAt(), p.createdAt(), p.updatedAt(),
                view.timeline().stream().map(Step::of).toList());
    }
}
