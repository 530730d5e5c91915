package io.holdfast.alipay.sandbox.core;

import io.holdfast.alipay.sandbox.core.Ledger.Draft;
import java.time.Instant;
import java.util.List;

/**
 * The transitions the sandbox makes on its own or on the buyer's behalf: deciding an authorization, the
 * automatic capture, the 3DS challenge outcome, authorization expiry and payment closing. Each sends the
 * notifications Antom would send.
 */
final class PaymentLifecycle {

    private final SandboxState state;

    PaymentLifecycle(SandboxState state) {
        this.state = state;
    }

    /** Authorizes (and, for AUTOMATIC capture mode, captures) or declines, then notifies. */
    void decide(Payment payment, DeclineCode decline) {
        if (decline != null) {
            payment.fail(decline.result());
            notifyPayment(payment);
            return;
        }
        Instant now = state.now();
        PaymentRequest request = payment.request();
        String token = request.tokenize() ? state.issueToken(payment.clientId(), request.card()) : null;
        payment.authorize(now, now.plus(state.settings.authorizationValidity()),
                state.ids.next(IdKind.NETWORK_TRANSACTION), token);
        state.watch(payment, payment.authExpiryTime());
        notifyPayment(payment);
        if (!request.manualCapture()) {
            CaptureRecord capture = new CaptureRecord(state.ids.next(IdKind.AUTO_CAPTURE_REQUEST),
                    state.ids.next(IdKind.CAPTURE), payment.amount(), now, true);
            payment.captured(capture);
            state.ledger.append(Draft.of(payment.clientId(), LedgerOperation.AUTO_CAPTURE, payment, ApiResult.SUCCESS)
                    .withRequest(capture.captureRequestId(), capture.captureId(), capture.amount()));
            notifyCapture(payment, capture);
        }
    }

    /** The buyer finished the challenge page; false when the payment was no longer waiting for it. */
    boolean completeChallenge(Payment payment, boolean passed) {
        if (payment.state() != PaymentState.PROCESSING) {
            return false;
        }
        if (passed) {
            decide(payment, payment.declineAfterChallenge());
        } else {
            payment.fail(DeclineCode.USER_PAYMENT_VERIFICATION_FAILED.result());
            notifyPayment(payment);
        }
        state.ledger.append(Draft.of(payment.clientId(),
                passed ? LedgerOperation.THREE_DS_COMPLETED : LedgerOperation.THREE_DS_FAILED, payment,
                payment.result()));
        return true;
    }

    /**
     * Releases authorizations past authExpiryTime, closes payments abandoned at the challenge and completes
     * captures in process whose completion time has come.
     */
    void expireDue() {
        Instant now = state.now();
        List<Payment> due = state.takeDue(now);
        if (due.isEmpty()) {
            return;
        }
        completeCaptures(due, false);
        completeRefunds(due, false);
        for (Payment payment : due) {
            if (payment.state() == PaymentState.AUTHORIZED && !now.isBefore(payment.authExpiryTime())) {
                payment.expire(payment.authExpiryTime(), state.ids.next(IdKind.TRANSACTION));
                state.ledger.append(Draft.of(payment.clientId(), LedgerOperation.AUTHORIZATION_EXPIRED, payment,
                        ApiResult.SUCCESS).withRequest(null, payment.voidTransactionId(), payment.amount()));
            } else if (payment.state() == PaymentState.PROCESSING
                    && !now.isBefore(payment.createTime().plus(state.settings.paymentExpiry()))) {
                payment.fail(ApiResult.failed("ORDER_IS_CLOSED", "the buyer did not finish the payment in time"));
                notifyPayment(payment);
                state.ledger.append(Draft.of(payment.clientId(), LedgerOperation.PAYMENT_CLOSED, payment,
                        payment.result()));
            }
        }
    }

    /**
     * Completes captures answered CAPTURE_IN_PROCESS: those due by now, or all of them when {@code all} (the
     * control call); each completion is captured at its due time (or now, if earlier) and sends notifyCapture.
     *
     * @return how many captures completed
     */
    int completeCaptures(boolean all) {
        return completeCaptures(state.payments(), all);
    }

    private int completeCaptures(List<Payment> payments, boolean all) {
        Instant now = state.now();
        int completed = 0;
        for (Payment payment : payments) {
            if (payment.state() != PaymentState.CAPTURING || !all && now.isBefore(payment.captureDueAt())) {
                continue;
            }
            Instant at = now.isBefore(payment.captureDueAt()) ? now : payment.captureDueAt();
            CaptureRecord pending = payment.capture();
            CaptureRecord done = new CaptureRecord(pending.captureRequestId(), pending.captureId(), pending.amount(),
                    at, false);
            payment.captured(done);
            state.storeCapture(payment.clientId(), new SandboxState.StoredCapture(done.captureRequestId(),
                    payment.paymentId(), done.amount(), state.views.captureResponse(payment, done)));
            state.ledger.append(Draft.of(payment.clientId(), LedgerOperation.CAPTURE_COMPLETED, payment,
                    ApiResult.SUCCESS).withRequest(done.captureRequestId(), done.captureId(), done.amount()));
            notifyCapture(payment, done);
            completed++;
        }
        return completed;
    }

    /**
     * Completes refunds answered REFUND_IN_PROCESS: those due by now, or all of them when {@code all} (the control
     * call); each becomes SUCCESS (or the FAIL its trigger asked for) and sends notifyRefund.
     *
     * @return how many refunds completed
     */
    int completeRefunds(boolean all) {
        return completeRefunds(state.payments(), all);
    }

    private int completeRefunds(List<Payment> payments, boolean all) {
        Instant now = state.now();
        int completed = 0;
        for (Payment payment : payments) {
            for (RefundRecord refund : payment.refunds()) {
                if (refund.status() != RefundRecord.Status.PROCESSING || !all && now.isBefore(refund.dueAt())) {
                    continue;
                }
                refund.finish(now.isBefore(refund.dueAt()) ? now : refund.dueAt());
                state.ledger.append(Draft.of(payment.clientId(), LedgerOperation.REFUND_COMPLETED, payment,
                        refund.result()).withRequest(refund.refundRequestId(), refund.refundId(), refund.amount()));
                state.notify(NotificationType.REFUND_RESULT, payment.clientId(), refund.notifyUrl(),
                        state.views.refundNotification(refund), payment.paymentId());
                completed++;
            }
        }
        return completed;
    }

    /** The 3DS challenge page while the payment waits for the buyer, else null. */
    String normalUrl(Payment payment) {
        if (payment.state() != PaymentState.PROCESSING) {
            return null;
        }
        return state.settings.publicBaseUrl().get() + "/sandbox/3ds/" + payment.paymentId();
    }

    private void notifyPayment(Payment payment) {
        state.notify(NotificationType.PAYMENT_RESULT, payment.clientId(), payment.request().notifyUrl(),
                state.views.paymentNotification(payment), payment.paymentId());
    }

    private void notifyCapture(Payment payment, CaptureRecord capture) {
        state.notify(NotificationType.CAPTURE_RESULT, payment.clientId(), payment.request().notifyUrl(),
                state.views.captureNotification(payment, capture), payment.paymentId());
    }

    void notifyManualCapture(Payment payment, CaptureRecord capture) {
        notifyCapture(payment, capture);
    }
}
