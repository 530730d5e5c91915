package io.holdfast.alipay.sandbox.core;

import io.holdfast.alipay.sandbox.core.Ledger.Draft;
import io.holdfast.alipay.sandbox.core.SandboxState.StoredRefund;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * refund and inquiryRefund, antom-refunds.md 1-5, for cards: only a captured payment is refundable; partial and
 * multiple refunds while the total of processing and succeeded refunds stays within the captured amount; within
 * the refund window from paymentTime; idempotent on refundRequestId. Every accepted card refund is asynchronous:
 * answered U/REFUND_IN_PROCESS, made final by {@link PaymentLifecycle#completeRefunds} (then notifyRefund).
 */
final class RefundOperation {

    private static final ApiResult NOT_FOUND = ApiResult.failed("ORDER_NOT_EXIST", "the payment does not exist");

    private final SandboxState state;
    private final PaymentLifecycle lifecycle;

    RefundOperation(SandboxState state, PaymentLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    ObjectNode refund(String clientId, RequestReader body) {
        String refundRequestId = body.text("refundRequestId", 64);
        String paymentId = body.text("paymentId", 64);
        body.optionalText("referenceRefundId", 64);
        Amount amount = body.amount("refundAmount");
        String reason = body.optionalText("refundReason", 256);
        String notifyUrl = body.optionalText("refundNotifyUrl", 1024);
        String captureId = body.optionalText("captureId", 64);
        // UNCONFIRMED: 64 is the Chinese doc's limit for the request; notifyRefund allows 2048. The stricter one.
        String metadata = body.optionalText("metadata", 64);
        body.flag("isAsyncRefund");
        RefundTriggers triggers = RefundTriggers.of(reason);
        Payment payment = state.byPaymentId(clientId, paymentId);

        ObjectNode replay = replay(clientId, refundRequestId, paymentId, amount, payment);
        if (replay != null) {
            return replay;
        }
        ApiResult rejection = payment == null ? NOT_FOUND : check(payment, amount, captureId, triggers);
        if (rejection != null) {
            ObjectNode response = Json.resultOnly(rejection);
            state.storeRejectedRefund(clientId, new StoredRefund(refundRequestId, paymentId, amount, response));
            append(clientId, payment, paymentId, refundRequestId, null, amount, rejection, false);
            return response;
        }
        Instant now = state.now();
        String url = notifyUrl != null ? notifyUrl : defaultNotifyUrl(clientId, payment);
        RefundRecord refund = new RefundRecord(clientId, refundRequestId, state.ids.next(IdKind.REFUND), paymentId,
                amount, url, metadata, now, now.plus(state.settings.refundCompletionDelay()), triggers.failLater());
        payment.addRefund(refund);
        state.watch(payment, refund.dueAt());
        state.storeRefund(refund);
        append(clientId, payment, paymentId, refundRequestId, refund.refundId(), amount, refund.result(), false);
        ObjectNode response = state.views.refundResponse(refund);
        lifecycle.expireDue(); // a refund due at once (no completion delay) completes now
        return response;
    }

    /**
     * The answer to a reused refundRequestId, or null when it is new: different payment or amount →
     * REPEAT_REQ_INCONSISTENT; otherwise the refund's current result (REFUND_IN_PROCESS while it is processing,
     * UNCONFIRMED; the final SUCCESS or FAIL after) or the same refusal.
     */
    private ObjectNode replay(String clientId, String refundRequestId, String paymentId, Amount amount,
            Payment payment) {
        RefundRecord accepted = state.refund(clientId, refundRequestId);
        StoredRefund rejected = state.rejectedRefund(clientId, refundRequestId);
        if (accepted == null && rejected == null) {
            return null;
        }
        boolean consistent = accepted != null
                ? accepted.paymentId().equals(paymentId) && accepted.amount().equals(amount)
                : rejected.paymentId().equals(paymentId) && rejected.amount().equals(amount);
        ObjectNode response;
        ApiResult result;
        if (!consistent) {
            result = ApiResult.failed("REPEAT_REQ_INCONSISTENT",
                    "the refundRequestId was used with a different payment, amount or currency");
            response = Json.resultOnly(result);
        } else if (accepted != null) {
            result = accepted.result();
            response = state.views.refundResponse(accepted);
        } else {
            response = rejected.response();
            result = state.views.resultOf(response);
        }
        append(clientId, payment, paymentId, refundRequestId, accepted == null ? null : accepted.refundId(), amount,
                result, true);
        return response;
    }

    private static ApiResult byState(PaymentState paymentState) {
        return switch (paymentState) {
            // antom-refunds.md 4: only captured card payments are refundable; before capture, cancel instead
            case PROCESSING, FAILED, AUTHORIZED, CAPTURING -> ApiResult.failed("ORDER_STATUS_INVALID",
                    "the payment is not captured; cancel an uncaptured authorization instead");
            case CANCELLED, EXPIRED -> ApiResult.failed("ORDER_IS_CANCELED",
                    "the payment was cancelled; a refund is impossible");
            case CAPTURED -> null;
        };
    }

    private ApiResult check(Payment payment, Amount amount, String captureId, RefundTriggers triggers) {
        ApiResult byState = byState(payment.state());
        if (byState != null) {
            return byState;
        }
        if (captureId != null && !captureId.equals(payment.capture().captureId())) {
            // UNCONFIRMED code for a captureId that is not the payment's
            return ApiResult.paramIllegal("captureId is not a capture of this payment");
        }
        if (!payment.amount().currency().equals(amount.currency())) {
            return ApiResult.failed("CURRENCY_NOT_SUPPORT", "refundAmount.currency must be "
                    + payment.amount().currency());
        }
        if (!state.now().isBefore(payment.paymentTime().plus(state.settings.refundWindow()))) {
            return ApiResult.failed("REFUND_WINDOW_EXCEED", "the refund period of the payment has passed");
        }
        if (triggers.reject() != null) {
            return triggers.reject();
        }
        if (amount.value() > payment.refundable()) {
            return ApiResult.failed("REFUND_AMOUNT_EXCEED",
                    "the total refund amount would exceed the captured amount");
        }
        return null;
    }

    ObjectNode inquire(String clientId, RequestReader body) {
        String refundRequestId = body.optionalText("refundRequestId", 64);
        String refundId = body.optionalText("refundId", 64);
        body.optionalText("merchantAccountId", 32);
        if (refundRequestId == null && refundId == null) {
            throw new ParamIllegalException("refundRequestId or refundId is required");
        }
        RefundRecord refund = refundId != null
                ? state.refundById(clientId, refundId)
                : state.refund(clientId, refundRequestId);
        if (refund == null) {
            ApiResult missing = ApiResult.failed("ORDER_NOT_EXIST", "no refund with this id");
            state.ledger.append(new Draft(clientId, LedgerOperation.INQUIRY_REFUND, null, null,
                    refundId != null ? refundId : refundRequestId, null, null, missing, false));
            return Json.resultOnly(missing);
        }
        append(clientId, state.byPaymentId(clientId, refund.paymentId()), refund.paymentId(),
                refund.refundRequestId(), refund.refundId(), refund.amount(), ApiResult.SUCCESS, false,
                LedgerOperation.INQUIRY_REFUND);
        return state.views.inquiryRefundResponse(refund);
    }

    private String defaultNotifyUrl(String clientId, Payment payment) {
        // Antom: refundNotifyUrl, else the Dashboard URL. The sandbox's Dashboard URL is the client's default;
        // without one it falls back to the payment's notify URL (a sandbox convenience, not Antom behaviour).
        String dashboard = state.settings.defaultNotifyUrl().apply(clientId);
        return dashboard != null ? dashboard : payment.request().notifyUrl();
    }

    private void append(String clientId, Payment payment, String paymentId, String refundRequestId, String refundId,
            Amount amount, ApiResult result, boolean replay) {
        append(clientId, payment, paymentId, refundRequestId, refundId, amount, result, replay, LedgerOperation.REFUND);
    }

    private void append(String clientId, Payment payment, String paymentId, String refundRequestId, String refundId,
            Amount amount, ApiResult result, boolean replay, LedgerOperation operation) {
        state.ledger.append(new Draft(clientId, operation, payment == null ? null : payment.paymentRequestId(),
                paymentId, refundRequestId, refundId, amount, result, replay));
    }
}
