package io.holdfast.alipay.sandbox.core;

import io.holdfast.alipay.sandbox.core.Ledger.Draft;
import tools.jackson.databind.node.ObjectNode;

/** inquiryPayment, reference section 6: read-only; the result describes the query, paymentStatus the payment. */
final class InquiryOperation {

    private final SandboxState state;
    private final PaymentLifecycle lifecycle;

    InquiryOperation(SandboxState state, PaymentLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    ObjectNode inquire(String clientId, RequestReader body) {
        Payment payment = PaymentLookup.find(state, clientId, body);
        if (payment == null) {
            state.ledger.append(Draft.of(clientId, LedgerOperation.INQUIRY_PAYMENT, null, CancelOperation.NOT_FOUND));
            return Json.resultOnly(CancelOperation.NOT_FOUND);
        }
        state.ledger.append(Draft.of(clientId, LedgerOperation.INQUIRY_PAYMENT, payment, ApiResult.SUCCESS));
        return state.views.inquiryResponse(payment, lifecycle.normalUrl(payment));
    }
}
