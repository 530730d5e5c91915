package io.holdfast.alipay.sandbox.core;

import io.holdfast.alipay.sandbox.core.Ledger.Draft;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * cancel (void), reference section 4: full cancel only, before capture and within the cancel window of the
 * authorization; a repeat answers the first cancel again and never cancels twice.
 */
final class CancelOperation {

    static final ApiResult NOT_FOUND = ApiResult.failed("ORDER_NOT_EXIST", "the payment does not exist");

    private final SandboxState state;

    CancelOperation(SandboxState state) {
        this.state = state;
    }

    ObjectNode cancel(String clientId, RequestReader body) {
        Payment payment = PaymentLookup.find(state, clientId, body);
        if (payment == null) {
            state.ledger.append(Draft.of(clientId, LedgerOperation.CANCEL, null, NOT_FOUND));
            return Json.resultOnly(NOT_FOUND);
        }
        boolean replay = payment.state() == PaymentState.CANCELLED;
        ApiResult result = switch (payment.state()) {
            case PROCESSING -> cancelNow(payment);
            case AUTHORIZED -> withinWindow(payment) ? cancelNow(payment) : windowExceeded();
            case CANCELLED -> ApiResult.SUCCESS;
            case EXPIRED -> windowExceeded();
            case CAPTURED -> ApiResult.failed("ORDER_STATUS_INVALID",
                    "a captured payment cannot be cancelled; refund it instead");
            case CAPTURING -> ApiResult.failed("ORDER_STATUS_INVALID",
                    "a capture of this payment is in process; it cannot be cancelled");
            case FAILED -> ApiResult.failed("ORDER_STATUS_INVALID", "a failed payment cannot be cancelled");
        };
        Draft draft = Draft.of(clientId, LedgerOperation.CANCEL, payment, result)
                .withRequest(null, result.isSuccess() ? payment.cancelTransactionId() : null, payment.amount());
        state.ledger.append(replay ? draft.asReplay() : draft);
        if (!result.isSuccess()) {
            return Json.resultOnly(result);
        }
        ObjectNode response = Json.resultOnly(result);
        response.put("paymentId", payment.paymentId());
        response.put("paymentRequestId", payment.paymentRequestId());
        response.put("cancelTime", state.time(payment.cancelTime()));
        return response;
    }

    private boolean withinWindow(Payment payment) {
        Instant deadline = payment.paymentTime().plus(state.settings.cancelWindow());
        return state.now().isBefore(deadline);
    }

    private ApiResult cancelNow(Payment payment) {
        payment.cancel(state.now(), state.ids.next(IdKind.TRANSACTION));
        return ApiResult.SUCCESS;
    }

    private static ApiResult windowExceeded() {
        return ApiResult.failed("CANCEL_WINDOW_EXCEED", "the payment is past its cancellable window; refund instead");
    }
}
