package io.holdfast.alipay.sandbox.core;

import io.holdfast.alipay.sandbox.core.Ledger.Draft;
import io.holdfast.alipay.sandbox.core.SandboxState.StoredCapture;
import tools.jackson.databind.node.ObjectNode;

/**
 * capture, reference section 5: exactly once per authorization, for exactly the authorized amount and currency
 * (strict mode), before authExpiryTime; idempotent on captureRequestId. A capture of a payment with the
 * asynchronous-capture trigger (or one forced by the CAPTURE_IN_PROCESS fault) is answered U/CAPTURE_IN_PROCESS
 * and completed later by {@link PaymentLifecycle#completeCaptures}; a repeat meanwhile answers CAPTURE_IN_PROCESS.
 */
final class CaptureOperation {

    private final SandboxState state;
    private final PaymentLifecycle lifecycle;

    CaptureOperation(SandboxState state, PaymentLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    ObjectNode capture(String clientId, RequestReader body, boolean forceInProcess) {
        String captureRequestId = body.text("captureRequestId", 64);
        String paymentId = body.text("paymentId", 64);
        Amount amount = body.amount("captureAmount");
        body.flag("isLastCapture");
        Payment payment = state.byPaymentId(clientId, paymentId);
        StoredCapture earlier = state.capture(clientId, captureRequestId);
        if (earlier != null) {
            return repeat(clientId, earlier, paymentId, amount, payment);
        }
        ApiResult rejection = payment == null
                ? ApiResult.failed("AUTH_NOT_FOUND", "no authorization with this paymentId")
                : check(payment, amount);
        ObjectNode response;
        ApiResult result;
        String captureId = null;
        if (rejection != null) {
            result = rejection;
            response = Json.resultOnly(rejection);
        } else {
            CaptureRecord capture = new CaptureRecord(captureRequestId, state.ids.next(IdKind.CAPTURE), amount,
                    state.now(), false);
            captureId = capture.captureId();
            if (forceInProcess || payment.asyncCapture()) {
                payment.capturePending(capture, state.now().plus(state.settings.captureCompletionDelay()));
                state.watch(payment, payment.captureDueAt());
                result = ApiResult.CAPTURE_IN_PROCESS;
                response = state.views.captureInProcessResponse(payment, capture);
            } else {
                payment.captured(capture);
                lifecycle.notifyManualCapture(payment, capture);
                result = ApiResult.SUCCESS;
                response = state.views.captureResponse(payment, capture);
            }
        }
        state.storeCapture(clientId, new StoredCapture(captureRequestId, paymentId, amount, response));
        state.ledger.append(new Draft(clientId, LedgerOperation.CAPTURE,
                payment == null ? null : payment.paymentRequestId(), paymentId, captureRequestId, captureId, amount,
                result, false));
        return response;
    }

    private ObjectNode repeat(String clientId, StoredCapture earlier, String paymentId, Amount amount,
            Payment payment) {
        boolean consistent = earlier.paymentId().equals(paymentId) && earlier.amount().equals(amount);
        ObjectNode response = consistent ? earlier.response() : Json.resultOnly(ApiResult.failed(
                "REPEAT_REQ_INCONSISTENT", "the captureRequestId was used with a different payment or amount"));
        ApiResult result = consistent ? resultOf(earlier.response()) : resultOf(response);
        state.ledger.append(new Draft(clientId, LedgerOperation.CAPTURE,
                payment == null ? null : payment.paymentRequestId(), paymentId, earlier.captureRequestId(),
                earlier.response().path("captureId").asString(null), amount, result, true));
        return response;
    }

    private ApiResult check(Payment payment, Amount amount) {
        ApiResult byState = switch (payment.state()) {
            case PROCESSING, FAILED -> ApiResult.failed("ORDER_STATUS_INVALID",
                    "the payment is not authorized");
            case CANCELLED -> ApiResult.failed("AUTH_CANCELLED", "the authorization was cancelled");
            case EXPIRED -> ApiResult.failed("AUTH_EXPIRED", "the authorization expired");
            case CAPTURED, CAPTURING -> ApiResult.failed("MULTI_CAPTURE_NOT_SUPPORTED",
                    "the payment was already captured; multiple captures are not supported");
            case AUTHORIZED -> null;
        };
        if (byState != null) {
            return byState;
        }
        Amount authorized = payment.amount();
        if (!authorized.currency().equals(amount.currency())) {
            return ApiResult.failed("CURRENCY_NOT_SUPPORT", "captureAmount.currency must be " + authorized.currency());
        }
        if (amount.value() > authorized.value()) {
            return ApiResult.failed("CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT",
                    "captureAmount exceeds the authorized amount");
        }
        if (amount.value() < authorized.value() && state.settings.strictCapture()) {
            return ApiResult.paramIllegal("captureAmount.value must equal the authorized amount " + authorized.value());
        }
        return null;
    }

    private static ApiResult resultOf(ObjectNode response) {
        var result = response.path("result");
        return new ApiResult(result.path("resultCode").asString(), result.path("resultStatus").asString(),
                result.path("resultMessage").asString());
    }
}
