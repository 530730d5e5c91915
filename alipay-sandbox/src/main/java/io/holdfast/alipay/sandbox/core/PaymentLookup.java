package io.holdfast.alipay.sandbox.core;

/** Finds the payment a cancel or inquiry names: paymentId wins over paymentRequestId (reference 4 and 6). */
final class PaymentLookup {

    private PaymentLookup() {
    }

    static Payment find(SandboxState state, String clientId, RequestReader body) {
        String paymentId = body.optionalText("paymentId", 64);
        String paymentRequestId = body.optionalText("paymentRequestId", 64);
        body.optionalText("merchantAccountId", 32);
        if (paymentId != null) {
            return state.byPaymentId(clientId, paymentId);
        }
        if (paymentRequestId != null) {
            return state.byRequestId(clientId, paymentRequestId);
        }
        throw new ParamIllegalException("paymentId or paymentRequestId is required");
    }
}
